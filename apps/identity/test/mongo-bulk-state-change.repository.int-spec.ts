import { BULK_STATE_CHANGE_MODEL, BulkStateChangeSchema } from '../src/users/infra/bulk-state-change.schema';
import { MongoBulkStateChangeRepository } from '../src/users/infra/mongo-bulk-state-change.repository';
import { describeBulkStateChangeRepositoryContract } from '../src/testing/bulk-state-change-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeBulkStateChangeRepositoryContract(
  'MongoBulkStateChangeRepository',
  mongoRepositoryUnderContract(
    BULK_STATE_CHANGE_MODEL,
    BulkStateChangeSchema,
    (model) => new MongoBulkStateChangeRepository(model),
  ),
);
