import { Schema } from 'mongoose';
import {
  IMPORT_ROW_STATUSES,
  type ImportIssue,
  type ImportLine,
  type ImportRowStatus,
} from '../domain/import-rows';

/** `_id` is `<importId>:<row>`: a row saved twice is one document. */
export interface ImportRowDocument {
  _id: string;
  tenantId: string;
  importId: string;
  row: number;
  status: ImportRowStatus;
  email: string | null;
  named: boolean;
  line: ImportLine | null;
  issues: ImportIssue[];
}

export const IMPORT_ROW_MODEL = 'ImportRow';

const IssueSchema = new Schema(
  {
    row: { type: Number, required: true },
    column: { type: String, default: null },
    code: { type: String, required: true },
    message: { type: String, required: true },
    value: { type: String, default: null },
  },
  { _id: false },
);

export const ImportRowSchema = new Schema<ImportRowDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    importId: { type: String, required: true },
    row: { type: Number, required: true },
    status: { type: String, required: true, enum: IMPORT_ROW_STATUSES },
    email: { type: String, default: null },
    named: { type: Boolean, required: true },
    line: { type: Schema.Types.Mixed, default: null },
    issues: { type: [IssueSchema], default: [] },
  },
  { collection: 'import_rows', versionKey: false, minimize: false },
);

/** The rows to apply and the rows of the report, in row order from a row on (chunks, report pages). */
ImportRowSchema.index({ importId: 1, status: 1, row: 1 });
/** The new users an earlier row of the import names (validation of a row without names). */
ImportRowSchema.index({ importId: 1, email: 1 });
