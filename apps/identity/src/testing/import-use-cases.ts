import { EventFactory } from '@lms/messaging';
import type { ImportKind, ImportMode } from '../imports/domain/import';
import { ImportBulkApplier } from '../imports/use-cases/import-bulk-applier';
import { ImportRowApplier } from '../imports/use-cases/import-row-applier';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from '../imports/use-cases/import-settings';
import { GetImportUseCase } from '../imports/use-cases/get-import.use-case';
import { ListImportsUseCase } from '../imports/use-cases/list-imports.use-case';
import { ReadImportReportUseCase } from '../imports/use-cases/read-import-report.use-case';
import { ReceiveImportFileUseCase } from '../imports/use-cases/receive-import-file.use-case';
import { RunImportUseCase } from '../imports/use-cases/run-import.use-case';
import { StartImportUseCase } from '../imports/use-cases/start-import.use-case';
import type { UserActor } from '../users/domain/user-permissions';
import { coachProfileUseCases } from './coach-profile-use-cases';
import type { buildIdentityTestbed } from './identity-testbed';
import { InMemoryImportFileStore } from './in-memory-import-file.store';
import { InMemoryImportRowRepository } from './in-memory-import-row.repository';
import { InMemoryImportRepository } from './in-memory-import.repository';

type IdentityTestbed = ReturnType<typeof buildIdentityTestbed>;

/** The bytes of a text, handed over in parts of `size` as an upload would. */
export async function* partsOf(content: string | Buffer, size = 5): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/**
 * The import use cases (ID-I1, ID-I2, ID-I3, ID-I4) over the identity testbed's users, groups,
 * memberships, outbox, clock and job queue, and the coach profile use cases (`coaches`), with
 * in-memory imports, rows and files, and small chunks (so that tests see several).
 */
export function importUseCases(testbed: IdentityTestbed, overrides: Partial<ImportSettings> = {}) {
  const settings: ImportSettings = {
    ...DEFAULT_IMPORT_SETTINGS,
    chunkRows: 3,
    validationChunksPerRun: 2,
    ...overrides,
  };
  const imports = new InMemoryImportRepository(testbed.outbox);
  const rows = new InMemoryImportRowRepository();
  const files = new InMemoryImportFileStore();
  const jobQueue = {
    enqueue: (job: Parameters<typeof testbed.jobs.enqueue>[0]) =>
      testbed.jobs.enqueue(job, testbed.clock.now()),
  };
  const coaches = coachProfileUseCases(testbed);
  const applier = new ImportRowApplier(
    testbed.users,
    testbed.memberships,
    testbed.createUser,
    testbed.updateUser,
    testbed.changeUserState,
    testbed.addMember,
    testbed.changeMemberRoles,
    coaches.coachProfiles,
    coaches.defineCoachProfile,
  );
  const bulk = new ImportBulkApplier(testbed.createUsers, testbed.addNewMembers);
  const getImport = new GetImportUseCase(imports);
  const receiveFile = new ReceiveImportFileUseCase(files, settings, testbed.clock);
  const startImport = new StartImportUseCase(imports, files, jobQueue, testbed.clock);
  const runImport = new RunImportUseCase(
    imports,
    rows,
    files,
    testbed.users,
    testbed.groups,
    applier,
    bulk,
    new EventFactory('identity'),
    testbed.clock,
    settings,
  );
  return {
    settings,
    coaches,
    imports,
    rows,
    files,
    applier,
    bulk,
    receiveFile,
    startImport,
    runImport,
    getImport,
    listImports: new ListImportsUseCase(imports),
    readReport: new ReadImportReportUseCase(getImport, rows),

    /** A file uploaded and its import started, as the route does; not run yet. */
    async givenImportStarted(
      actor: UserActor,
      content: string | Buffer,
      options: { kind?: ImportKind; mode?: ImportMode; dryRun?: boolean } = {},
    ) {
      const file = await receiveFile.execute({
        tenantId: actor.tenantId,
        fileName: 'import.csv',
        content: partsOf(content),
      });
      return startImport.execute({
        actor,
        kind: options.kind ?? 'users',
        mode: options.mode ?? 'valid_rows',
        dryRun: options.dryRun ?? false,
        file,
      });
    },

    /** Every reason in the import's report, in row order. */
    async reportOf(actor: UserActor, importId: string) {
      const { issues } = await this.readReport.execute({ actor, importId });
      const all = [];
      for await (const issue of issues) all.push(issue);
      return all;
    },
  };
}
