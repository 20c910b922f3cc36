import { InMemoryPermissionProfileRepository } from './in-memory-permission-profile.repository';
import { describePermissionProfileRepositoryContract } from './permission-profile-repository.contract';
import { inMemoryUnderContract } from './repository-under-contract';

describePermissionProfileRepositoryContract('InMemoryPermissionProfileRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryPermissionProfileRepository(outbox)),
);
