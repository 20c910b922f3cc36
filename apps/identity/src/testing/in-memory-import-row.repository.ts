import type { ImportRow, ImportRowStatus } from '../imports/domain/import-rows';
import type { ImportRowRepository, ImportRowSelection } from '../imports/ports/import-row.repository';

const STATUSES: Record<ImportRowSelection, readonly ImportRowStatus[]> = {
  validated: ['valid', 'applied', 'refused'],
  reported: ['rejected', 'refused', 'valid', 'applied'],
};

/** The rows of imports in memory, each once under its import and row number, as the Mongo repository keeps them. */
export class InMemoryImportRowRepository implements ImportRowRepository {
  readonly rows = new Map<string, ImportRow>();
  /** Every row saved, in the order saved (a row saved twice is here twice). */
  readonly saves: ImportRow[] = [];

  async saveMany(rows: readonly ImportRow[]): Promise<void> {
    for (const row of rows) {
      this.rows.set(`${row.importId}:${row.row}`, structuredClone(row));
      this.saves.push(structuredClone(row));
    }
  }

  async listAfter(
    tenantId: string,
    importId: string,
    selection: ImportRowSelection,
    afterRow: number,
    limit: number,
  ): Promise<ImportRow[]> {
    return [...this.rows.values()]
      .filter(
        (row) =>
          row.tenantId === tenantId &&
          row.importId === importId &&
          STATUSES[selection].includes(row.status) &&
          (selection !== 'reported' || row.issues.length > 0) &&
          row.row > afterRow,
      )
      .sort((a, b) => a.row - b.row)
      .slice(0, limit)
      .map((row) => structuredClone(row));
  }

  async namedEmails(tenantId: string, importId: string, emails: readonly string[]): Promise<Set<string>> {
    return new Set(
      [...this.rows.values()]
        .filter(
          (row) =>
            row.tenantId === tenantId &&
            row.importId === importId &&
            row.named &&
            row.status !== 'rejected' &&
            row.email !== null &&
            emails.includes(row.email),
        )
        .map((row) => row.email as string),
    );
  }
}
