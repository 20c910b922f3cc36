import { MongoPermissionProfileRepository } from '../src/permission-profiles/infra/mongo-permission-profile.repository';
import {
  PERMISSION_PROFILE_MODEL,
  PermissionProfileSchema,
} from '../src/permission-profiles/infra/permission-profile.schema';
import { describePermissionProfileRepositoryContract } from '../src/testing/permission-profile-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describePermissionProfileRepositoryContract(
  'MongoPermissionProfileRepository',
  mongoRepositoryUnderContract(
    PERMISSION_PROFILE_MODEL,
    PermissionProfileSchema,
    (model, relay) => new MongoPermissionProfileRepository(model, relay),
  ),
);
