import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { defineStream } from '../define-stream';

/** What a CSV import brings in: users (ID-I1), their states (ID-I3), coaches' manager accounts (ID-I2). */
export const IMPORT_KINDS = ['users', 'states', 'managers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How an import ended: `finished` read every row; `failed` met a file it could not read to the end. */
export const IMPORT_OUTCOMES = ['finished', 'failed'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** ID-I4: an import is over; its administrator is told how it went. */
export class ImportFinishedV1 {
  @IsUUID() importId!: string;
  @IsIn(IMPORT_KINDS) kind!: ImportKind;
  @IsIn(IMPORT_OUTCOMES) outcome!: ImportOutcome;
  /** The account that started it: the one to tell (null: started without an account). */
  @IsOptional() @IsString() @Length(1, 100) startedBy!: string | null;
  /** A dry run validates and reports, and writes nothing. */
  @IsBoolean() dryRun!: boolean;
  /** `valid_rows` applies the valid rows; `all_or_nothing` nothing when a row is invalid. */
  @IsIn(['valid_rows', 'all_or_nothing']) mode!: 'valid_rows' | 'all_or_nothing';
  /** Rows after the header. */
  @IsInt() @Min(0) rowsRead!: number;
  @IsInt() @Min(0) rowsApplied!: number;
  @IsInt() @Min(0) rowsRejected!: number;
  /** The file's name as uploaded, when it had one. */
  @IsOptional() @IsString() @Length(0, 255) fileName?: string | null;
}

export const ImportsStream = defineStream({
  topic: 'identity.imports.v1',
  partitions: 3,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'import.finished': ImportFinishedV1,
  },
});
