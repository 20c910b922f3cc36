import { INVITATION_MODEL, InvitationSchema } from '../src/invitations/infra/invitation.schema';
import { MongoInvitationRepository } from '../src/invitations/infra/mongo-invitation.repository';
import { describeInvitationRepositoryContract } from '../src/testing/invitation-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeInvitationRepositoryContract(
  'MongoInvitationRepository',
  mongoRepositoryUnderContract(
    INVITATION_MODEL,
    InvitationSchema,
    (model, relay) => new MongoInvitationRepository(model, relay),
  ),
);
