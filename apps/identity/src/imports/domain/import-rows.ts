import { normalizeEmail } from '@lms/kernel';
import type { GroupRole, ImportKind } from '@lms/contracts';
import {
  coachProfileProblem,
  normalizeFilters,
  type CoachFilter,
  type CoachProfileProblem,
} from '../../coach-profiles/domain/coach-profile';
import { SUPPORTED_LOCALES, type Locale } from '../../users/domain/user';
import { STATE_ACTIONS, type StateAction } from '../../users/domain/user-lifecycle';
import { headerOf, type ImportColumn } from './import-columns';

/**
 * ID-I1: the role codes of the user template (seed 003): `Admin=0, Coach=1, Author=2,
 * Learner=3`, one line per role and per group; the roles' names are taken too.
 */
export const ROLE_CODES: Readonly<Record<string, GroupRole>> = {
  '0': 'admin',
  '1': 'coach',
  '2': 'author',
  '3': 'learner',
  admin: 'admin',
  coach: 'coach',
  author: 'author',
  learner: 'learner',
};

/** The custom field the labels of a user file are kept in, comma-separated. */
export const LABELS_FIELD = 'LABELS';

/** Why a row is refused: stable codes, shown in the report with the column they are about. */
export const IMPORT_ROW_CODES = [
  'IMPORT_ROW.VALUE_REQUIRED',
  'IMPORT_ROW.EMAIL_INVALID',
  'IMPORT_ROW.ROLE_INVALID',
  'IMPORT_ROW.GROUP_UNKNOWN',
  'IMPORT_ROW.NAME_REQUIRED',
  'IMPORT_ROW.VALUE_TOO_LONG',
  'IMPORT_ROW.LOCALE_INVALID',
  'IMPORT_ROW.EXTRA_INFORMATION_INVALID',
  'IMPORT_ROW.LABELS_INVALID',
  'IMPORT_ROW.ACTION_INVALID',
  'IMPORT_ROW.DATE_INVALID',
  'IMPORT_ROW.USER_UNKNOWN',
  'IMPORT_ROW.FORMULA_CELL',
  'IMPORT_ROW.COLUMN_COUNT',
  'IMPORT_ROW.RIGHT_INVALID',
  'IMPORT_ROW.COACH_RIGHT_REQUIRED',
  'IMPORT_ROW.FILTERS_INVALID',
  'IMPORT_ROW.FILTER_UNMATCHED',
] as const;
export type ImportRowCode = (typeof IMPORT_ROW_CODES)[number];

/**
 * The codes of notes: reasons shown in the report that do not keep their row from being
 * applied (ID-C3: a coach's filter value no user holds, `United-Kingdom` written for `UK`).
 */
const NOTE_CODES: ReadonlySet<string> = new Set<ImportRowCode>(['IMPORT_ROW.FILTER_UNMATCHED']);

/** Whether an issue is a note, which leaves its row valid. */
export function isNote(issue: Pick<ImportIssue, 'code'>): boolean {
  return NOTE_CODES.has(issue.code);
}

/**
 * ID-I2: the names a coach profile created by a manager file gives its two rights (seed 000);
 * a profile that exists keeps the names it has.
 */
export const COACH_RIGHT_NAMES = {
  roleLearnerManager: 'Can access the learners section',
  roleCoach: 'Can be a coach in the Coaching add-on',
} as const;

/**
 * One reason a row was not applied, or a note on a row applied all the same ({@link isNote}):
 * its row (the header is row 1), the column's header (null for the whole row), a stable code
 * (one of {@link IMPORT_ROW_CODES}, or the code of a rule of the use case that applies it,
 * e.g. `USER.FORBIDDEN`, `COACH_PROFILE.SAME_ACCOUNT`), a message and the value read.
 */
export interface ImportIssue {
  row: number;
  column: string | null;
  code: string;
  message: string;
  value: string | null;
}

/** A valid row of a user file (ID-I1): the user by its email, one role in one group. */
export interface UserImportLine {
  kind: 'users';
  email: string;
  firstName: string | null;
  lastName: string | null;
  role: GroupRole;
  groupId: string;
  locale: Locale | null;
  /** From `Extra information` (`KEY=VALUE; KEY=VALUE`) and `Labels`; null: none given. */
  customFields: Record<string, string> | null;
}

/** A valid row of a state file (ID-I3): activate or deactivate, and/or a new expiry day. */
export interface StateImportLine {
  kind: 'states';
  email: string;
  action: StateAction | null;
  /** `YYYY-MM-DD`: the account is valid through this day (UTC); null: unchanged. */
  expiryDate: string | null;
}

/**
 * A valid row of a manager file (ID-I2): a coach's manager account linked to its learner
 * account, both existing users, with both rights and its learner-access filters (ID-C3).
 */
export interface ManagerImportLine {
  kind: 'managers';
  /** The manager account's email: the coach. */
  email: string;
  learnerEmail: string;
  /** As written, each pair once; none: a coach without learners. */
  filters: CoachFilter[];
}

export type ImportLine = UserImportLine | StateImportLine | ManagerImportLine;

/** `valid` after validation; `rejected` if not; a valid row becomes `applied` or `refused` (by a rule met when applying it). */
export const IMPORT_ROW_STATUSES = ['valid', 'rejected', 'applied', 'refused'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** One data row of an import and what became of it; its key is the import and the row number. */
export interface ImportRow {
  tenantId: string;
  importId: string;
  row: number;
  status: ImportRowStatus;
  /** The normalised email the row is about (a manager file's: the manager account's), when it has a valid one. */
  email: string | null;
  /** Whether the row gives the user's first and last name (enough to create it). */
  named: boolean;
  line: ImportLine | null;
  issues: ImportIssue[];
}

/** A row as read from the file and checked on its own, before anything is looked up. */
export interface ParsedRow {
  row: number;
  line: ImportLine | null;
  email: string | null;
  issues: ImportIssue[];
}

/** What validation looks up, for the rows of one chunk. */
export interface RowFacts {
  userExists(email: string): boolean;
  /** The id of the user of this normalised email, null when there is none. */
  userIdOf(email: string): string | null;
  /** Whether no user of the tenant holds this custom field value (ID-C3). */
  matchesNobody(filter: CoachFilter): boolean;
  /**
   * The code and message an account of this normalised email is refused with as a coach's
   * `account` (deactivated or expired, ID-C1), as its `PUT` answers; null when it may be linked.
   */
  coachAccountRefusal(
    account: 'manager' | 'learner',
    email: string,
  ): { code: string; message: string } | null;
  /** The code and message a rule of a coach's definition is refused with, as its `PUT` answers (ID-C1). */
  coachProfileRefusal(problem: CoachProfileProblem): { code: string; message: string };
  groupExists(groupId: string): boolean;
  /** A valid row before this chunk gives this new user's name. */
  namedEarlier(email: string): boolean;
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** As a user's custom field key: no `.` or `:`, not starting with `$` (nor `=`, which separates it). */
const FIELD_KEY = /^[^.:$=][^.:=]{0,63}$/;
const MAX_VALUE = 256;
const MAX_NAME = 100;
const MAX_EMAIL = 254;
/** Cells a spreadsheet would run as a formula (CSV injection): refused, never stored. */
const FORMULA = /^[=+\-@\t\r]/;

/** Whether a cell would be run as a formula by a spreadsheet opening it. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA.test(value) || FORMULA.test(value.trim());
}

/** A calendar day `YYYY-MM-DD` that exists. */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The instant an account valid through `day` (UTC) expires: the start of the next day. */
export function expiryOf(day: string): Date {
  const start = new Date(`${day}T00:00:00.000Z`);
  return new Date(start.getTime() + 24 * 60 * 60 * 1000);
}

class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly kind: ImportKind,
    private readonly columns: readonly ImportColumn[],
    private readonly cells: readonly string[],
    readonly row: number,
  ) {}

  /** The trimmed cell of a column; empty when the file has no such column. */
  cell(column: ImportColumn): string {
    const at = this.columns.indexOf(column);
    return at < 0 ? '' : (this.cells[at] ?? '').trim();
  }

  refuse(column: ImportColumn | null, code: ImportRowCode, message: string, value?: string): void {
    this.issues.push({
      row: this.row,
      column: column === null ? null : headerOf(this.kind, column),
      code,
      message,
      value: value ?? (column === null ? null : this.cell(column)),
    });
  }

  required(column: ImportColumn): string | null {
    const value = this.cell(column);
    if (value === '') this.refuse(column, 'IMPORT_ROW.VALUE_REQUIRED', 'A value is required.');
    return value === '' ? null : value;
  }

  email(column: 'email' | 'learnerEmail' = 'email'): string | null {
    const value = this.required(column);
    if (value === null) return null;
    if (value.length > MAX_EMAIL || !EMAIL.test(value)) {
      this.refuse(column, 'IMPORT_ROW.EMAIL_INVALID', 'Not an email address.');
      return null;
    }
    return value;
  }

  name(column: 'firstName' | 'lastName'): string | null {
    const value = this.cell(column);
    if (value.length > MAX_NAME)
      this.refuse(column, 'IMPORT_ROW.VALUE_TOO_LONG', `At most ${MAX_NAME} characters.`);
    return value === '' || value.length > MAX_NAME ? null : value;
  }
}

/**
 * Reads one data row on its own (ID-I4): the cells of a formula are refused first, then each
 * column's value; what needs a look-up (a known user, an existing group) is checked by
 * {@link checkRow}. Pure.
 */
export function parseRow(
  kind: ImportKind,
  columns: readonly ImportColumn[],
  cells: readonly string[],
  row: number,
): ParsedRow {
  const reader = new RowReader(kind, columns, cells, row);
  if (cells.length !== columns.length) {
    reader.refuse(
      null,
      'IMPORT_ROW.COLUMN_COUNT',
      `The row has ${cells.length} cells where the header has ${columns.length}.`,
    );
    return { row, line: null, email: null, issues: reader.issues };
  }
  for (const [at, column] of columns.entries())
    if (looksLikeFormula(cells[at] ?? ''))
      reader.refuse(
        column,
        'IMPORT_ROW.FORMULA_CELL',
        'A cell may not start with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula).',
        cells[at],
      );
  if (reader.issues.length > 0) return { row, line: null, email: null, issues: reader.issues };
  const line =
    kind === 'users' ? userLine(reader) : kind === 'states' ? stateLine(reader) : managerLine(reader);
  const valid = reader.issues.length === 0 ? line : null;
  return {
    row,
    line: valid,
    email: line?.email ? normalizeEmail(line.email) : null,
    issues: reader.issues,
  };
}

function userLine(reader: RowReader): UserImportLine | null {
  const email = reader.email();
  const firstName = reader.name('firstName');
  const lastName = reader.name('lastName');
  const roleCell = reader.required('role');
  const role = roleCell === null ? undefined : ROLE_CODES[roleCell.toLowerCase()];
  if (roleCell !== null && !role)
    reader.refuse(
      'role',
      'IMPORT_ROW.ROLE_INVALID',
      'A role is 0 (Admin), 1 (Coach), 2 (Author) or 3 (Learner).',
    );
  const groupId = reader.required('groupId');
  const locale = localeOf(reader);
  const customFields = customFieldsOf(reader);
  if (email === null || role === undefined || groupId === null || customFields === undefined) return null;
  return { kind: 'users', email, firstName, lastName, role, groupId, locale, customFields };
}

function localeOf(reader: RowReader): Locale | null {
  const value = reader.cell('locale');
  if (value === '') return null;
  const language = value.toLowerCase().split(/[-_]/)[0];
  const locale = SUPPORTED_LOCALES.find((known) => known === language);
  if (!locale)
    reader.refuse(
      'locale',
      'IMPORT_ROW.LOCALE_INVALID',
      `A locale is one of ${SUPPORTED_LOCALES.join(', ')}.`,
    );
  return locale ?? null;
}

/** `KEY=VALUE; KEY=VALUE` and the labels; undefined when either is invalid, null when neither is given. */
function customFieldsOf(reader: RowReader): Record<string, string> | null | undefined {
  const fields: Record<string, string> = {};
  let valid = true;
  const extra = reader.cell('extraInformation');
  for (const pair of extra
    .split(';')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')) {
    const at = pair.indexOf('=');
    const key = at < 0 ? '' : pair.slice(0, at).trim();
    const value = at < 0 ? '' : pair.slice(at + 1).trim();
    if (!FIELD_KEY.test(key) || value === '' || value.length > MAX_VALUE) {
      reader.refuse(
        'extraInformation',
        'IMPORT_ROW.EXTRA_INFORMATION_INVALID',
        `Extra information is KEY=VALUE pairs separated by semicolons (keys without "." or ":", values of 1 to ${MAX_VALUE} characters).`,
      );
      valid = false;
      break;
    }
    fields[key] = value;
  }
  const labelsCell = reader.cell('labels');
  const labels = [
    ...new Set(
      labelsCell
        .split(',')
        .map((label) => label.trim())
        .filter((label) => label !== ''),
    ),
  ];
  if (labels.length > 0) {
    const joined = labels.join(',');
    if (joined.length > MAX_VALUE) {
      reader.refuse(
        'labels',
        'IMPORT_ROW.LABELS_INVALID',
        `Labels are comma-separated, ${MAX_VALUE} characters in all at most.`,
      );
      valid = false;
    } else fields[LABELS_FIELD] = joined;
  }
  if (!valid) return undefined;
  return extra === '' && labels.length === 0 ? null : fields;
}

function stateLine(reader: RowReader): StateImportLine | null {
  const email = reader.email();
  const actionCell = reader.cell('action').toLowerCase();
  const expiryCell = reader.cell('expiryDate');
  const action = STATE_ACTIONS.find((known) => known === actionCell) ?? null;
  if (actionCell === '' && expiryCell === '')
    reader.refuse(
      'action',
      'IMPORT_ROW.VALUE_REQUIRED',
      'An action (activate or deactivate) or an expiry date is required.',
    );
  else if (actionCell !== '' && !action)
    reader.refuse('action', 'IMPORT_ROW.ACTION_INVALID', 'An action is activate or deactivate.');
  if (expiryCell !== '' && !isCalendarDay(expiryCell))
    reader.refuse('expiryDate', 'IMPORT_ROW.DATE_INVALID', 'A date is written YYYY-MM-DD.');
  if (email === null || reader.issues.length > 0) return null;
  return { kind: 'states', email, action, expiryDate: expiryCell === '' ? null : expiryCell };
}

/** A right of a coach's manager account: `1` (it has it), `0` (it has not: no coach), nothing else. */
function rightOf(reader: RowReader, column: 'roleLearnerManager' | 'roleCoach'): boolean {
  const value = reader.cell(column);
  if (value === '')
    reader.refuse(column, 'IMPORT_ROW.VALUE_REQUIRED', "A coach's manager account has both rights: write 1.");
  else if (value === '0')
    reader.refuse(
      column,
      'IMPORT_ROW.COACH_RIGHT_REQUIRED',
      "A coach's manager account has both rights: write 1 (this import links coaches, it removes none).",
    );
  else if (value !== '1')
    reader.refuse(column, 'IMPORT_ROW.RIGHT_INVALID', 'A right is 1 (the account has it) or 0 (it has not).');
  return value === '1';
}

/** `FIELD=VALUE; FIELD=VALUE`, each pair once (an empty cell: none); null when a pair is not one. */
function filtersOf(reader: RowReader): CoachFilter[] | null {
  const filters: CoachFilter[] = [];
  for (const pair of reader
    .cell('filters')
    .split(';')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')) {
    const at = pair.indexOf('=');
    const field = at < 0 ? '' : pair.slice(0, at).trim();
    const value = at < 0 ? '' : pair.slice(at + 1).trim();
    if (field === '' || value === '') {
      reader.refuse(
        'filters',
        'IMPORT_ROW.FILTERS_INVALID',
        'Filters are FIELD=VALUE pairs separated by semicolons, e.g. COUNTRY=UK; COUNTRY=IE (values compare exactly).',
      );
      return null;
    }
    if (!filters.some((known) => known.field === field && known.value === value))
      filters.push({ field, value });
  }
  return filters;
}

function managerLine(reader: RowReader): ManagerImportLine | null {
  const email = reader.email();
  const learnerEmail = reader.email('learnerEmail');
  const rights = [rightOf(reader, 'roleLearnerManager'), rightOf(reader, 'roleCoach')];
  const filters = filtersOf(reader);
  if (email === null || learnerEmail === null || rights.includes(false) || filters === null) return null;
  return { kind: 'managers', email, learnerEmail, filters };
}

/** The message of an account a manager file names that no user has. */
const ACCOUNT_UNKNOWN =
  'No user of this tenant has this email: a manager import links existing accounts and creates none (import the users first).';

/** The column a rule of a coach's definition is about. */
function columnOfProblem(problem: CoachProfileProblem): ImportColumn {
  switch (problem.rule) {
    case 'same-account':
      return 'learnerEmail';
    case 'role-invalid':
      return problem.role;
    case 'too-many-filters':
    case 'filter-invalid':
      return 'filters';
  }
}

/**
 * A manager row against what is stored (ID-I2): both accounts are users of the tenant (none is
 * created), then the coach profile's own rules hold for them (the same function its `PUT`
 * checks, with the same codes); each filter value no user holds is a note (ID-C3).
 */
function checkManagerRow(
  parsed: ParsedRow,
  line: ManagerImportLine,
  facts: RowFacts,
  issue: (column: ImportColumn, code: string, message: string, value: string) => ImportIssue,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const managerUserId = parsed.email === null ? null : facts.userIdOf(parsed.email);
  const learnerUserId = facts.userIdOf(normalizeEmail(line.learnerEmail));
  if (managerUserId === null)
    issues.push(issue('email', 'IMPORT_ROW.USER_UNKNOWN', ACCOUNT_UNKNOWN, line.email));
  if (learnerUserId === null)
    issues.push(issue('learnerEmail', 'IMPORT_ROW.USER_UNKNOWN', ACCOUNT_UNKNOWN, line.learnerEmail));
  for (const [account, column, email, value] of [
    ['manager', 'email', parsed.email, line.email],
    ['learner', 'learnerEmail', normalizeEmail(line.learnerEmail), line.learnerEmail],
  ] as const) {
    const refusal = email === null ? null : facts.coachAccountRefusal(account, email);
    if (refusal) issues.push(issue(column, refusal.code, refusal.message, value));
  }
  if (managerUserId !== null && learnerUserId !== null) {
    const problem = coachProfileProblem({
      managerUserId,
      learnerUserId,
      ...COACH_RIGHT_NAMES,
      filters: line.filters,
    });
    if (problem) {
      const refusal = facts.coachProfileRefusal(problem);
      const column = columnOfProblem(problem);
      const value =
        problem.rule === 'filter-invalid'
          ? filterText(line.filters[problem.index] as CoachFilter)
          : column === 'learnerEmail'
            ? line.learnerEmail
            : line.filters.map(filterText).join('; ');
      issues.push(issue(column, refusal.code, refusal.message, value));
    }
  }
  for (const filter of normalizeFilters(line.filters))
    if (facts.matchesNobody(filter))
      issues.push(
        issue(
          'filters',
          'IMPORT_ROW.FILTER_UNMATCHED',
          `No user of this tenant has ${filterText(filter)}: values compare exactly (UK is not United-Kingdom). The row is valid all the same.`,
          filterText(filter),
        ),
      );
  return issues;
}

function filterText(filter: CoachFilter): string {
  return `${filter.field}=${filter.value}`;
}

/**
 * Checks a row read on its own against what is stored (ID-I4): a state change needs a known
 * user; a manager row, see {@link checkManagerRow}; a user row needs an existing group, and, for an email no user has yet, a first and a
 * last name given on it or on an earlier row of the file. `namedInChunk` holds the new users
 * named by earlier rows of the chunk, and takes this row's. Pure.
 */
export function checkRow(
  kind: ImportKind,
  parsed: ParsedRow,
  facts: RowFacts,
  namedInChunk: Set<string>,
): ImportIssue[] {
  const { line, email, row } = parsed;
  if (!line || email === null) return parsed.issues;
  const issue = (column: ImportColumn, code: string, message: string, value: string): ImportIssue => ({
    row,
    column: headerOf(kind, column),
    code,
    message,
    value,
  });
  if (line.kind === 'managers') return checkManagerRow(parsed, line, facts, issue);
  if (line.kind === 'states')
    return facts.userExists(email)
      ? []
      : [issue('email', 'IMPORT_ROW.USER_UNKNOWN', 'No user of this tenant has this email.', line.email)];
  const issues: ImportIssue[] = [];
  if (!facts.groupExists(line.groupId))
    issues.push(
      issue('groupId', 'IMPORT_ROW.GROUP_UNKNOWN', 'No group of this tenant has this id.', line.groupId),
    );
  const named = line.firstName !== null && line.lastName !== null;
  if (!named && !facts.userExists(email) && !namedInChunk.has(email) && !facts.namedEarlier(email))
    issues.push(
      issue(
        line.firstName === null ? 'firstName' : 'lastName',
        'IMPORT_ROW.NAME_REQUIRED',
        'A new user needs a first and a last name (on this row or an earlier one of the file).',
        '',
      ),
    );
  if (named && issues.length === 0) namedInChunk.add(email);
  return issues;
}

/**
 * The normalised emails whose users {@link checkRow} asks about for this row, so that only
 * those are looked up: a state row's, a manager row's two accounts, and a user row's only
 * when it lacks a first or a last name (a named row creates or updates its user either way).
 */
export function emailsCheckedOf(parsed: ParsedRow): string[] {
  const { line, email } = parsed;
  if (!line || email === null) return [];
  if (line.kind === 'managers') return [email, normalizeEmail(line.learnerEmail)];
  if (line.kind === 'states') return [email];
  return line.firstName === null || line.lastName === null ? [email] : [];
}

/** A row once validated: valid (with its notes, if any), or rejected with its issues. */
export function validatedRow(
  target: { tenantId: string; importId: string },
  parsed: ParsedRow,
  issues: readonly ImportIssue[],
): ImportRow {
  const valid = parsed.line !== null && issues.every(isNote);
  const line = valid ? parsed.line : null;
  return {
    tenantId: target.tenantId,
    importId: target.importId,
    row: parsed.row,
    status: valid ? 'valid' : 'rejected',
    email: parsed.email,
    named: line?.kind === 'users' && line.firstName !== null && line.lastName !== null,
    line,
    issues: [...issues],
  };
}
