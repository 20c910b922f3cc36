import { Inject, Injectable } from '@nestjs/common';
import { JobRunner, type JobQueue } from '@lms/jobs';
import { CLOCK, type Clock } from '@lms/kernel';
import type { UserActor } from '../../users/domain/user-permissions';
import { startImport, type Import, type ImportKind, type ImportMode } from '../domain/import';
import { readHeader, type HeaderProblem } from '../domain/import-columns';
import { importJob } from '../import.job';
import {
  ImportDuplicateColumnError,
  ImportFileEmptyError,
  ImportMissingColumnError,
  ImportUnknownColumnError,
} from '../imports.errors';
import { IMPORT_FILE_STORE, type ImportFileStore } from '../ports/import-file.store';
import { IMPORT_REPOSITORY, type ImportRepository } from '../ports/import.repository';
import type { ReceivedImportFile } from './receive-import-file.use-case';

export interface StartImportCommand {
  actor: UserActor;
  kind: ImportKind;
  mode: ImportMode;
  dryRun: boolean;
  /** The file `ReceiveImportFileUseCase` stored for it. */
  file: ReceivedImportFile;
}

function headerError(problem: HeaderProblem): Error {
  switch (problem.code) {
    case 'IMPORT.FILE_EMPTY':
      return new ImportFileEmptyError();
    case 'IMPORT.UNKNOWN_COLUMN':
      return new ImportUnknownColumnError(problem.header, problem.position, problem.expected);
    case 'IMPORT.DUPLICATE_COLUMN':
      return new ImportDuplicateColumnError(problem.header, problem.position);
    case 'IMPORT.MISSING_COLUMN':
      return new ImportMissingColumnError(problem.header);
  }
}

/**
 * ID-I1, ID-I2, ID-I3, ID-I4: starts the import of a stored file, later (rule 6): its header must
 * name the columns of its kind (any case; unknown, repeated or missing columns refuse it and
 * drop the file); the import is stored, validating, with the actor as it asks, and its job
 * enqueued, which `RunImportUseCase` runs chunk by chunk. Should the enqueue be lost, the
 * job's `findUnfinished` finds the import.
 */
@Injectable()
export class StartImportUseCase {
  constructor(
    @Inject(IMPORT_REPOSITORY) private readonly imports: ImportRepository,
    @Inject(IMPORT_FILE_STORE) private readonly files: ImportFileStore,
    @Inject(JobRunner) private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: StartImportCommand): Promise<Import> {
    const { file } = command;
    const header = readHeader(command.kind, file.header);
    if ('problem' in header) {
      await this.files.remove(file);
      throw headerError(header.problem);
    }
    const entry = startImport(
      {
        id: file.importId,
        kind: command.kind,
        mode: command.mode,
        dryRun: command.dryRun,
        startedBy: command.actor,
        fileName: file.fileName,
        bytes: file.bytes,
        delimiter: file.delimiter,
        columns: header.columns,
        rowsTotal: file.rowsTotal,
      },
      this.clock.now(),
    );
    await this.imports.insert(entry);
    await this.jobs.enqueue(importJob(entry));
    return entry;
  }
}
