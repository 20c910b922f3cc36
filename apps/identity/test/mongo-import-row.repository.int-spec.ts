import { IMPORT_ROW_MODEL, ImportRowSchema } from '../src/imports/infra/import-row.schema';
import { MongoImportRowRepository } from '../src/imports/infra/mongo-import-row.repository';
import { describeImportRowRepositoryContract } from '../src/testing/import-row-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeImportRowRepositoryContract(
  'MongoImportRowRepository',
  mongoRepositoryUnderContract(
    IMPORT_ROW_MODEL,
    ImportRowSchema,
    (model) => new MongoImportRowRepository(model),
  ),
);
