import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { GroupsModule } from '../groups/groups.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { UserStoreModule } from '../users/user-store.module';
import { GroupInvitationsController } from './group-invitations.controller';
import { INVITATION_MODEL, InvitationSchema } from './infra/invitation.schema';
import { MongoInvitationRepository } from './infra/mongo-invitation.repository';
import { InvitationsController } from './invitations.controller';
import { INVITATION_REPOSITORY } from './ports/invitation.repository';
import { AcceptInvitationUseCase } from './use-cases/accept-invitation.use-case';
import { CreateInvitationUseCase } from './use-cases/create-invitation.use-case';
import { ListInvitationsUseCase } from './use-cases/list-invitations.use-case';
import { RemindInvitationUseCase } from './use-cases/remind-invitation.use-case';
import { RevokeInvitationUseCase } from './use-cases/revoke-invitation.use-case';

/** Invitations to groups (ID-G2); an accepted one adds the member through the memberships feature. */
@Module({
  imports: [GroupsModule, MembershipsModule, UserStoreModule],
  controllers: [GroupInvitationsController, InvitationsController],
  providers: [
    mongoModel(INVITATION_MODEL, InvitationSchema),
    { provide: INVITATION_REPOSITORY, useClass: MongoInvitationRepository },
    CreateInvitationUseCase,
    ListInvitationsUseCase,
    AcceptInvitationUseCase,
    RemindInvitationUseCase,
    RevokeInvitationUseCase,
  ],
})
export class InvitationsModule {}
