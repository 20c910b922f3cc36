import { MongoSigningKeyRepository } from '../src/auth/infra/mongo-signing-key.repository';
import { SIGNING_KEY_MODEL, SigningKeySchema } from '../src/auth/infra/signing-key.schema';
import { describeSigningKeyRepositoryContract } from '../src/testing/signing-key-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeSigningKeyRepositoryContract(
  'MongoSigningKeyRepository',
  mongoRepositoryUnderContract(
    SIGNING_KEY_MODEL,
    SigningKeySchema,
    (model) => new MongoSigningKeyRepository(model),
  ),
);
