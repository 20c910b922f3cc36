import { InMemorySigningKeyRepository } from './in-memory-signing-key.repository';
import { describeSigningKeyRepositoryContract } from './signing-key-repository.contract';

describeSigningKeyRepositoryContract('InMemorySigningKeyRepository', () => ({
  repository: new InMemorySigningKeyRepository(),
  outboxOf: async () => [],
}));
