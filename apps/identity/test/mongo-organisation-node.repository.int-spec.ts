import {
  ORGANISATION_NODE_MODEL,
  OrganisationNodeSchema,
} from '../src/organisation/infra/organisation-node.schema';
import { MongoOrganisationNodeRepository } from '../src/organisation/infra/mongo-organisation-node.repository';
import { describeOrganisationNodeRepositoryContract } from '../src/testing/organisation-node-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeOrganisationNodeRepositoryContract(
  'MongoOrganisationNodeRepository',
  mongoRepositoryUnderContract(
    ORGANISATION_NODE_MODEL,
    OrganisationNodeSchema,
    (model, relay) => new MongoOrganisationNodeRepository(model, relay),
  ),
);
