import { IMPORT_MODEL, ImportSchema } from '../src/imports/infra/import.schema';
import { MongoImportRepository } from '../src/imports/infra/mongo-import.repository';
import { describeImportRepositoryContract } from '../src/testing/import-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeImportRepositoryContract(
  'MongoImportRepository',
  mongoRepositoryUnderContract(
    IMPORT_MODEL,
    ImportSchema,
    (model, relay) => new MongoImportRepository(model, relay),
  ),
);
