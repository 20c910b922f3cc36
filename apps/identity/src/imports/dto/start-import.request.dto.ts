import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IMPORT_KINDS, IMPORT_MODES, type ImportKind, type ImportMode } from '../domain/import';

/** A form field's text as a boolean: `true`/`false` (any case), `1`/`0`; anything else is left to be refused. */
function booleanField({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return value;
}

/**
 * The fields sent with an import's file (`multipart/form-data`, besides the field `file`,
 * a CSV file of at most 50 MB in UTF-8, separated by commas or semicolons).
 */
export class StartImportRequestDto {
  /**
   * `users` (ID-I1), `states` (ID-I3) or `managers` (ID-I2: coaches' manager accounts linked to
   * their learner accounts, with their rights `1` and their filters `FIELD=VALUE; FIELD=VALUE`).
   */
  @IsIn(IMPORT_KINDS) kind!: ImportKind;
  /** `valid_rows` (default) applies the valid rows; `all_or_nothing` applies nothing if a row is invalid. */
  @IsOptional() @IsIn(IMPORT_MODES) mode?: ImportMode;
  /** `true`: validate and report, write nothing. Default `false`. */
  @IsOptional() @Transform(booleanField) @IsBoolean() dryRun?: boolean;
}
