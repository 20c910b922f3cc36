import { InMemoryRefreshTokenRepository } from './in-memory-refresh-token.repository';
import { describeRefreshTokenRepositoryContract } from './refresh-token-repository.contract';

describeRefreshTokenRepositoryContract('InMemoryRefreshTokenRepository', () => ({
  repository: new InMemoryRefreshTokenRepository(),
  outboxOf: async () => [],
}));
