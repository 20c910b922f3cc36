import { MongoRefreshTokenRepository } from '../src/auth/infra/mongo-refresh-token.repository';
import { REFRESH_TOKEN_MODEL, RefreshTokenSchema } from '../src/auth/infra/refresh-token.schema';
import { describeRefreshTokenRepositoryContract } from '../src/testing/refresh-token-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeRefreshTokenRepositoryContract(
  'MongoRefreshTokenRepository',
  mongoRepositoryUnderContract(
    REFRESH_TOKEN_MODEL,
    RefreshTokenSchema,
    (model) => new MongoRefreshTokenRepository(model),
  ),
);
