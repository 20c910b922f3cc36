import { MongoRefreshFamilyRepository } from '../src/auth/infra/mongo-refresh-family.repository';
import { REFRESH_FAMILY_MODEL, RefreshFamilySchema } from '../src/auth/infra/refresh-family.schema';
import { describeRefreshFamilyRepositoryContract } from '../src/testing/refresh-family-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeRefreshFamilyRepositoryContract(
  'MongoRefreshFamilyRepository',
  mongoRepositoryUnderContract(
    REFRESH_FAMILY_MODEL,
    RefreshFamilySchema,
    (model) => new MongoRefreshFamilyRepository(model),
  ),
);
