import type { ImportKind } from '@lms/contracts';

/** The separators a file may use: a comma, or the semicolon of spreadsheets in many European locales. */
export const CSV_DELIMITERS = [',', ';'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** What a column of an import file holds, whatever its header spells. */
export const IMPORT_COLUMNS = [
  'email',
  'firstName',
  'lastName',
  'role',
  'groupId',
  'locale',
  'extraInformation',
  'labels',
  'action',
  'expiryDate',
  'learnerEmail',
  'roleLearnerManager',
  'roleCoach',
  'filters',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

interface ColumnSpec {
  column: ImportColumn;
  /** As the template writes it. */
  header: string;
  /** Other headers taken for it (compared without case, spaces or punctuation). */
  aliases: readonly string[];
  required: boolean;
}

/**
 * The columns of each kind of file, in the template's order (seed 003: "Email, Role, Group ID,
 * additional information (optional), labels (optional)" suffice to update a user). A manager
 * file (ID-I2, seed 000) names its rights as the source's manager file does, `roleLearnerManager`
 * and `roleCoach`; its `email` is the coach's manager account. Its `Filters` column is required
 * (its cell may be empty): a file without it would replace every coach's filters with none.
 */
export const COLUMNS_OF_KIND: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  users: [
    { column: 'email', header: 'Email', aliases: ['e-mail', 'mail'], required: true },
    { column: 'firstName', header: 'First Name', aliases: ['firstname'], required: false },
    { column: 'lastName', header: 'Last Name', aliases: ['lastname', 'surname'], required: false },
    { column: 'role', header: 'Role', aliases: [], required: true },
    { column: 'groupId', header: 'Group ID', aliases: ['group'], required: true },
    { column: 'locale', header: 'Locale', aliases: ['language'], required: false },
    {
      column: 'extraInformation',
      header: 'Extra information',
      aliases: ['additional information', 'extra info'],
      required: false,
    },
    { column: 'labels', header: 'Labels', aliases: ['label'], required: false },
  ],
  states: [
    { column: 'email', header: 'Email', aliases: ['e-mail', 'mail'], required: true },
    { column: 'action', header: 'Action', aliases: [], required: true },
    { column: 'expiryDate', header: 'Expiry date', aliases: ['expiry', 'expiration date'], required: false },
  ],
  managers: [
    {
      column: 'email',
      header: 'Manager email',
      aliases: ['manager', 'manager e-mail', 'manager account', 'email', 'e-mail'],
      required: true,
    },
    {
      column: 'learnerEmail',
      header: 'Learner email',
      aliases: ['learner', 'learner e-mail', 'learner account'],
      required: true,
    },
    {
      column: 'roleLearnerManager',
      header: 'roleLearnerManager',
      aliases: ['can access the learners section'],
      required: true,
    },
    {
      column: 'roleCoach',
      header: 'roleCoach',
      aliases: ['can be a coach', 'can be a coach in the coaching add-on'],
      required: true,
    },
    {
      column: 'filters',
      header: 'Filters',
      aliases: ['filter', 'learner access filters', 'learners access filters'],
      required: true,
    },
  ],
};

/** How a header names a column, for comparison: `Group ID`, `group_id` and `GroupId` are one. */
function comparable(header: string): string {
  return header.toLowerCase().replace(/[\s_\-*]+/g, '');
}

/** What is wrong with a header, with the column it is about. */
export type HeaderProblem =
  | { code: 'IMPORT.FILE_EMPTY' }
  | { code: 'IMPORT.UNKNOWN_COLUMN'; header: string; position: number; expected: string[] }
  | { code: 'IMPORT.DUPLICATE_COLUMN'; header: string; position: number }
  | { code: 'IMPORT.MISSING_COLUMN'; header: string };

/**
 * The column each position of a header stands for (a header of another kind of file is
 * refused: every column must be known, each once, the required ones there). Headers are
 * compared without case, spaces, dashes or underscores.
 */
export function readHeader(
  kind: ImportKind,
  cells: readonly string[],
): { columns: ImportColumn[] } | { problem: HeaderProblem } {
  const specs = COLUMNS_OF_KIND[kind];
  const names = cells.map((cell) => cell.trim());
  if (names.every((name) => name === '')) return { problem: { code: 'IMPORT.FILE_EMPTY' } };
  const columns: ImportColumn[] = [];
  for (const [position, name] of names.entries()) {
    const spec = specs.find((candidate) =>
      [candidate.header, ...candidate.aliases].some((known) => comparable(known) === comparable(name)),
    );
    if (!spec)
      return {
        problem: {
          code: 'IMPORT.UNKNOWN_COLUMN',
          header: name,
          position: position + 1,
          expected: specs.map((candidate) => candidate.header),
        },
      };
    if (columns.includes(spec.column))
      return { problem: { code: 'IMPORT.DUPLICATE_COLUMN', header: name, position: position + 1 } };
    columns.push(spec.column);
  }
  const missing = specs.find((spec) => spec.required && !columns.includes(spec.column));
  return missing ? { problem: { code: 'IMPORT.MISSING_COLUMN', header: missing.header } } : { columns };
}

/** The template header of a column. */
export function headerOf(kind: ImportKind, column: ImportColumn): string {
  return COLUMNS_OF_KIND[kind].find((spec) => spec.column === column)?.header ?? column;
}

/**
 * The separator of a file, told by its first line: a semicolon when it separates more cells
 * than commas do outside quotes, a comma otherwise.
 */
export function detectDelimiter(firstLine: string): CsvDelimiter {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && (char === '\n' || char === '\r')) break;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * The template's rows of each kind: its header and one example row. The manager row's rights
 * are `1` (has it; `0` has not, which a coach may not be), its filters `FIELD=VALUE` pairs
 * separated by semicolons, as a user's extra information is written.
 */
export function templateRows(kind: ImportKind): string[][] {
  const header = COLUMNS_OF_KIND[kind].map((spec) => spec.header);
  switch (kind) {
    case 'users':
      return [
        header,
        ['ada.lovelace@example.com', 'Ada', 'Lovelace', '3', 'group-id', 'en', 'COUNTRY=UK', 'pilot'],
      ];
    case 'states':
      return [header, ['ada.lovelace@example.com', 'deactivate', '2027-12-31']];
    case 'managers':
      return [
        header,
        ['carla.manager@example.com', 'carla.coach@example.com', '1', '1', 'COUNTRY=UK; COUNTRY=IE'],
      ];
  }
}
