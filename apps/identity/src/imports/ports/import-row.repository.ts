import type { ImportRow } from '../domain/import-rows';

/**
 * Which rows of an import: `validated` those found valid (to apply, or applied or refused
 * since), `reported` those with a reason or a note in the report (rejected or refused, and
 * valid or applied ones with a note).
 */
export type ImportRowSelection = 'validated' | 'reported';

/** The rows of imports (ID-I4), each kept once under its import and row number. */
export interface ImportRowRepository {
  /**
   * Stores the rows, each by its key (import, row): a row saved again replaces itself, so
   * that a chunk run twice stores each row once.
   */
  saveMany(rows: readonly ImportRow[]): Promise<void>;
  /**
   * Rows of the import of the selection after `afterRow`, in row order, at most `limit`.
   */
  listAfter(
    tenantId: string,
    importId: string,
    selection: ImportRowSelection,
    afterRow: number,
    limit: number,
  ): Promise<ImportRow[]>;
  /** Of these normalised emails, those a valid row of the import gives a first and a last name for. */
  namedEmails(tenantId: string, importId: string, emails: readonly string[]): Promise<Set<string>>;
}

export const IMPORT_ROW_REPOSITORY = Symbol('IMPORT_ROW_REPOSITORY');
