import { Inject, Injectable } from '@nestjs/common';
import type { UserActor } from '../../users/domain/user-permissions';
import { HEADER_ROW, type Import } from '../domain/import';
import type { ImportIssue } from '../domain/import-rows';
import { IMPORT_ROW_REPOSITORY, type ImportRowRepository } from '../ports/import-row.repository';
import { GetImportUseCase } from './get-import.use-case';

export interface ReadImportReportCommand {
  actor: UserActor;
  importId: string;
}

/** Rows of the report read at once. */
const PAGE_ROWS = 500;

/**
 * ID-I4: the report of an import: every reason a row was not applied (row, column, code,
 * message, value), in row order, read page after page as it is written out, so that a
 * report of 100,000 rows is never held whole. What is found so far, while the import runs.
 */
@Injectable()
export class ReadImportReportUseCase {
  constructor(
    private readonly getImport: GetImportUseCase,
    @Inject(IMPORT_ROW_REPOSITORY) private readonly rows: ImportRowRepository,
  ) {}

  async execute(
    command: ReadImportReportCommand,
  ): Promise<{ entry: Import; issues: AsyncIterable<ImportIssue> }> {
    const entry = await this.getImport.execute(command);
    return { entry, issues: this.issuesOf(entry) };
  }

  private async *issuesOf(entry: Import): AsyncGenerator<ImportIssue> {
    for (let afterRow = HEADER_ROW; ; ) {
      const page = await this.rows.listAfter(entry.tenantId, entry.id, 'reported', afterRow, PAGE_ROWS);
      for (const row of page) yield* row.issues;
      if (page.length < PAGE_ROWS) return;
      afterRow = (page.at(-1) as { row: number }).row;
    }
  }
}
