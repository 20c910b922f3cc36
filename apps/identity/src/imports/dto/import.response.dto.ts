import type { Import, ImportKind, ImportMode, ImportState } from '../domain/import';

export class ImportFailureResponseDto {
  /** `IMPORT.FILE_ENCODING_INVALID` or `IMPORT.FILE_MALFORMED`. */
  code!: string;
  message!: string;
  /** The row it stopped at (the header is row 1), when known. */
  row!: number | null;
}

/** A CSV import (ID-I4) and how far it got. */
export class ImportResponseDto {
  id!: string;
  kind!: ImportKind;
  mode!: ImportMode;
  dryRun!: boolean;
  /** `validating`, `applying`, then `finished`; `failed` when the file could not be read to its end. */
  state!: ImportState;
  /** The account that started it (null: without an account). */
  startedBy!: string | null;
  fileName!: string | null;
  /** `,` or `;`, as told by the header. */
  delimiter!: string;
  /** Data rows of the file (the header not counted). */
  rowsTotal!: number;
  /** Rows validated so far. */
  rowsRead!: number;
  /** Rows found valid. */
  rowsValid!: number;
  /** Rows rejected by validation or refused when applied: each has its reasons in the report. */
  rowsRejected!: number;
  rowsApplied!: number;
  failure!: ImportFailureResponseDto | null;
  /** ISO 8601. */
  createdAt!: string;
  /** ISO 8601; null until it is over. */
  finishedAt!: string | null;

  static from(entry: Import): ImportResponseDto {
    return {
      id: entry.id,
      kind: entry.kind,
      mode: entry.mode,
      dryRun: entry.dryRun,
      state: entry.state,
      startedBy: entry.startedBy.userId,
      fileName: entry.fileName,
      delimiter: entry.delimiter,
      rowsTotal: entry.rowsTotal,
      rowsRead: entry.counts.rowsRead,
      rowsValid: entry.counts.rowsValid,
      rowsRejected: entry.counts.rowsRejected,
      rowsApplied: entry.counts.rowsApplied,
      failure: entry.failure ? { ...entry.failure } : null,
      createdAt: entry.createdAt.toISOString(),
      finishedAt: entry.finishedAt?.toISOString() ?? null,
    };
  }
}
