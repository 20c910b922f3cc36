import { Schema } from 'mongoose';
import { IMPORT_KINDS, type ImportKind } from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { IMPORT_MODES, IMPORT_STATES, type ImportMode, type ImportState } from '../domain/import';
import {
  CSV_DELIMITERS,
  IMPORT_COLUMNS,
  type CsvDelimiter,
  type ImportColumn,
} from '../domain/import-columns';

/** `_id` is the import's id (its file's too). */
export interface ImportDocument {
  _id: string;
  tenantId: string;
  kind: ImportKind;
  mode: ImportMode;
  dryRun: boolean;
  startedBy: { tenantId: string; userId: string | null; level: string; roles: string[] };
  fileName: string | null;
  bytes: number;
  delimiter: CsvDelimiter;
  columns: ImportColumn[];
  rowsTotal: number;
  state: ImportState;
  rowReached: number;
  counts: { rowsRead: number; rowsValid: number; rowsRejected: number; rowsApplied: number };
  failure: { code: string; message: string; row: number | null } | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  version: number;
  outbox: OutboxEntry[];
}

export const IMPORT_MODEL = 'Import';

const ActorSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    userId: { type: String, default: null },
    level: { type: String, required: true },
    roles: { type: [String], default: [] },
  },
  { _id: false },
);

const CountsSchema = new Schema(
  {
    rowsRead: { type: Number, required: true },
    rowsValid: { type: Number, required: true },
    rowsRejected: { type: Number, required: true },
    rowsApplied: { type: Number, required: true },
  },
  { _id: false },
);

const FailureSchema = new Schema(
  {
    code: { type: String, required: true },
    message: { type: String, required: true },
    row: { type: Number, default: null },
  },
  { _id: false },
);

export const ImportSchema = new Schema<ImportDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: IMPORT_KINDS },
    mode: { type: String, required: true, enum: IMPORT_MODES },
    dryRun: { type: Boolean, required: true },
    startedBy: { type: ActorSchema, required: true },
    fileName: { type: String, default: null },
    bytes: { type: Number, required: true },
    delimiter: { type: String, required: true, enum: CSV_DELIMITERS },
    columns: { type: [{ type: String, enum: IMPORT_COLUMNS }], default: [] },
    rowsTotal: { type: Number, required: true },
    state: { type: String, required: true, enum: IMPORT_STATES },
    rowReached: { type: Number, required: true },
    counts: { type: CountsSchema, required: true },
    failure: { type: FailureSchema, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'imports', versionKey: false, minimize: false },
);

/**
 * Compare-and-set of a chunk's progress: exactly these fields, so that the local stand-in
 * serves the filter from an index too (MongoDB uses `_id`).
 */
ImportSchema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true, name: 'import_version' });
/** A tenant's imports, newest first (`GET /imports`). */
ImportSchema.index({ tenantId: 1, _id: -1 });
/** The imports not over, which the job runner looks for at start-up and every minute (a cold path). */
ImportSchema.index({ state: 1, _id: 1 });
