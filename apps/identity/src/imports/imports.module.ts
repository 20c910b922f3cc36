import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { CoachProfilesModule } from '../coach-profiles/coach-profiles.module';
import { GroupsModule } from '../groups/groups.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { UsersModule } from '../users/users.module';
import { ImportJob } from './import.job';
import { ImportsController } from './imports.controller';
import { GridFsImportFileStore } from './infra/grid-fs-import-file.store';
import { IMPORT_ROW_MODEL, ImportRowSchema } from './infra/import-row.schema';
import { IMPORT_MODEL, ImportSchema } from './infra/import.schema';
import { MongoImportRowRepository } from './infra/mongo-import-row.repository';
import { MongoImportRepository } from './infra/mongo-import.repository';
import { MultipartUploads } from './infra/multipart-uploads';
import { IMPORT_FILE_STORE } from './ports/import-file.store';
import { IMPORT_ROW_REPOSITORY } from './ports/import-row.repository';
import { IMPORT_REPOSITORY } from './ports/import.repository';
import { DiscardImportFileUseCase } from './use-cases/discard-import-file.use-case';
import { GetImportUseCase } from './use-cases/get-import.use-case';
import { ImportBulkApplier } from './use-cases/import-bulk-applier';
import { ImportRowApplier } from './use-cases/import-row-applier';
import { DEFAULT_IMPORT_SETTINGS, IMPORT_SETTINGS } from './use-cases/import-settings';
import { ListImportsUseCase } from './use-cases/list-imports.use-case';
import { ReadImportReportUseCase } from './use-cases/read-import-report.use-case';
import { ReceiveImportFileUseCase } from './use-cases/receive-import-file.use-case';
import { RunImportUseCase } from './use-cases/run-import.use-case';
import { StartImportUseCase } from './use-cases/start-import.use-case';

/** CSV imports of users, of their states and of coaches' manager accounts (ID-I1, ID-I3, ID-I2, ID-I4), run as jobs. */
@Module({
  imports: [UsersModule, GroupsModule, MembershipsModule, CoachProfilesModule],
  controllers: [ImportsController],
  providers: [
    mongoModel(IMPORT_MODEL, ImportSchema),
    { provide: IMPORT_REPOSITORY, useClass: MongoImportRepository },
    mongoModel(IMPORT_ROW_MODEL, ImportRowSchema),
    { provide: IMPORT_ROW_REPOSITORY, useClass: MongoImportRowRepository },
    { provide: IMPORT_FILE_STORE, useClass: GridFsImportFileStore },
    { provide: IMPORT_SETTINGS, useValue: DEFAULT_IMPORT_SETTINGS },
    MultipartUploads,
    ReceiveImportFileUseCase,
    StartImportUseCase,
    DiscardImportFileUseCase,
    RunImportUseCase,
    ImportRowApplier,
    ImportBulkApplier,
    GetImportUseCase,
    ListImportsUseCase,
    ReadImportReportUseCase,
    ImportJob,
  ],
})
export class ImportsModule {}
