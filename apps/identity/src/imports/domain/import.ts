import type { ImportKind, ImportOutcome } from '@lms/contracts';
import type { UserActor } from '../../users/domain/user-permissions';
import type { CsvDelimiter, ImportColumn } from './import-columns';

export { IMPORT_KINDS, type ImportKind } from '@lms/contracts';

/**
 * ID-I4: `valid_rows` applies the valid rows and reports the others; `all_or_nothing`
 * applies nothing when a row is invalid.
 */
export const IMPORT_MODES = ['valid_rows', 'all_or_nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * `validating` every row first, then `applying` the valid ones (not for a dry run, nor for an
 * all-or-nothing import with an invalid row), then `finished`; `failed` when the file turned
 * out unreadable past what its upload checked.
 */
export const IMPORT_STATES = ['validating', 'applying', 'finished', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** The first row of a file is its header: data rows are numbered from 2, as a spreadsheet shows them. */
export const HEADER_ROW = 1;

/** Why an import could not go on; the row where it stopped, when there is one. */
export interface ImportFailure {
  code: string;
  message: string;
  row: number | null;
}

/** What an import found so far: rows validated, rejected (invalid, or refused when applied) and applied. */
export interface ImportCounts {
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsApplied: number;
}

/**
 * A CSV import (ID-I1, ID-I2, ID-I3, ID-I4), run as a job: its file is stored as uploaded, read
 * chunk by chunk, twice (validation, then the valid rows applied); `rowReached` is the last
 * row whose outcome the current phase saved, so that a run after a crash goes on after it.
 */
export interface Import {
  id: string;
  tenantId: string;
  kind: ImportKind;
  mode: ImportMode;
  dryRun: boolean;
  /** Who started it, as its access token told: every row is applied with these rights. */
  startedBy: UserActor;
  fileName: string | null;
  bytes: number;
  delimiter: CsvDelimiter;
  /** The column each position of the header stands for. */
  columns: ImportColumn[];
  /** Data rows of the file (the header not counted). */
  rowsTotal: number;
  state: ImportState;
  rowReached: number;
  counts: ImportCounts;
  failure: ImportFailure | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  version: number;
}

export interface NewImport {
  id: string;
  kind: ImportKind;
  mode: ImportMode;
  dryRun: boolean;
  startedBy: UserActor;
  fileName: string | null;
  bytes: number;
  delimiter: CsvDelimiter;
  columns: readonly ImportColumn[];
  rowsTotal: number;
}

const NO_COUNTS: ImportCounts = { rowsRead: 0, rowsValid: 0, rowsRejected: 0, rowsApplied: 0 };

/** A new import of the starter's tenant, validating from its first row. */
export function startImport(input: NewImport, now: Date): Import {
  const { startedBy } = input;
  return {
    id: input.id,
    tenantId: startedBy.tenantId,
    kind: input.kind,
    mode: input.mode,
    dryRun: input.dryRun,
    startedBy: {
      tenantId: startedBy.tenantId,
      userId: startedBy.userId,
      level: startedBy.level,
      roles: [...startedBy.roles],
    },
    fileName: input.fileName,
    bytes: input.bytes,
    delimiter: input.delimiter,
    columns: [...input.columns],
    rowsTotal: input.rowsTotal,
    state: 'validating',
    rowReached: HEADER_ROW,
    counts: { ...NO_COUNTS },
    failure: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    version: 1,
  };
}

export function isOver(entry: Pick<Import, 'state'>): boolean {
  return entry.state === 'finished' || entry.state === 'failed';
}

/**
 * The import once a chunk of validation is saved: up to `rowReached`, with its valid and
 * rejected rows counted. Once every row is validated (`done`) it applies the valid ones, unless it is
 * a dry run, an all-or-nothing import with an invalid row, or there is nothing valid to apply:
 * then it is finished.
 */
export function recordValidated(
  entry: Import,
  chunk: { rowReached: number; valid: number; rejected: number; done: boolean },
  now: Date,
): Import {
  const counts = {
    ...entry.counts,
    rowsRead: entry.counts.rowsRead + chunk.valid + chunk.rejected,
    rowsValid: entry.counts.rowsValid + chunk.valid,
    rowsRejected: entry.counts.rowsRejected + chunk.rejected,
  };
  const next: Import = {
    ...entry,
    counts,
    rowReached: chunk.rowReached,
    updatedAt: now,
    version: entry.version + 1,
  };
  if (!chunk.done) return next;
  const applies =
    !entry.dryRun && counts.rowsValid > 0 && !(entry.mode === 'all_or_nothing' && counts.rowsRejected > 0);
  return applies ? { ...next, state: 'applying', rowReached: HEADER_ROW } : finish(next, 'finished', now);
}

/** The import once a chunk of valid rows is applied: up to `rowReached`; finished after the last. */
export function recordApplied(
  entry: Import,
  chunk: { rowReached: number; applied: number; refused: number; done: boolean },
  now: Date,
): Import {
  const counts = {
    ...entry.counts,
    rowsApplied: entry.counts.rowsApplied + chunk.applied,
    rowsRejected: entry.counts.rowsRejected + chunk.refused,
  };
  const next: Import = {
    ...entry,
    counts,
    rowReached: chunk.rowReached,
    updatedAt: now,
    version: entry.version + 1,
  };
  return chunk.done ? finish(next, 'finished', now) : next;
}

/** The import stopped: its file could not be read to the end (what its upload checked notwithstanding). */
export function failImport(entry: Import, failure: ImportFailure, now: Date): Import {
  return finish({ ...entry, failure, updatedAt: now, version: entry.version + 1 }, 'failed', now);
}

function finish(entry: Import, state: ImportOutcome, now: Date): Import {
  return { ...entry, state, finishedAt: now };
}

/**
 * Who may follow an import (ID-I4): the administrators of its tenant (the routes admit no one
 * else), nobody of another tenant.
 */
export function maySeeImport(actor: UserActor, entry: Pick<Import, 'tenantId'>): boolean {
  return actor.tenantId === entry.tenantId;
}
