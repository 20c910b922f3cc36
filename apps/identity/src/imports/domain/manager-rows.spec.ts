import { coachProfileProblemError } from '../../coach-profiles/coach-profiles.errors';
import type { CoachFilter } from '../../coach-profiles/domain/coach-profile';
import { readHeader, templateRows, type ImportColumn } from './import-columns';
import { checkRow, parseRow, validatedRow, type ManagerImportLine, type RowFacts } from './import-rows';

const HEADER = ['Manager email', 'Learner email', 'roleLearnerManager', 'roleCoach', 'Filters'];

function columns(header: readonly string[] = HEADER): ImportColumn[] {
  const read = readHeader('managers', header);
  if (!('columns' in read)) throw new Error(`unexpected header problem ${read.problem.code}`);
  return read.columns;
}

/** Row 2 of a manager file with these cells. */
function parse(cells: string[]) {
  return parseRow('managers', columns(), cells, 2);
}

/** Facts of a tenant whose users are these emails (ids `id-<email>`), where only `held` filter values exist. */
function factsOf(
  emails: readonly string[],
  held: readonly CoachFilter[] = [],
  deactivated: readonly string[] = [],
): RowFacts {
  return {
    coachAccountRefusal: (account, email) =>
      deactivated.includes(email)
        ? { code: 'COACH_PROFILE.ACCOUNT_INACTIVE', message: `The ${account} account is deactivated.` }
        : null,
    userExists: (email) => emails.includes(email),
    userIdOf: (email) => (emails.includes(email) ? `id-${email}` : null),
    groupExists: () => false,
    namedEarlier: () => false,
    matchesNobody: (filter) =>
      !held.some((known) => known.field === filter.field && known.value === filter.value),
    coachProfileRefusal: (problem) => {
      const error = coachProfileProblemError(problem);
      return { code: error.code, message: error.message };
    },
  };
}

const codesOf = (issues: ReadonlyArray<{ column: string | null; code: string }>) =>
  issues.map((issue) => [issue.column, issue.code]);

describe('rows of a manager file (ID-I2, ID-C3)', () => {
  it('given the template, then its header is the one a manager file is read with, and its example row is valid', () => {
    const [header, example] = templateRows('managers');

    expect(header).toEqual(HEADER);
    expect(parse(example as string[])).toMatchObject({
      issues: [],
      line: {
        kind: 'managers',
        filters: [
          { field: 'COUNTRY', value: 'UK' },
          { field: 'COUNTRY', value: 'IE' },
        ],
      },
    });
  });

  it('given headers in another case, with the rights named as the seed names them, then they are read; without a Filters column the file is refused', () => {
    expect(
      columns([
        'manager e-mail',
        'LEARNER_EMAIL',
        'Can access the learners section',
        'can be a coach',
        'filter',
      ]),
    ).toEqual(['email', 'learnerEmail', 'roleLearnerManager', 'roleCoach', 'filters']);
    expect(readHeader('managers', HEADER.slice(0, 4))).toEqual({
      problem: { code: 'IMPORT.MISSING_COLUMN', header: 'Filters' },
    });
  });

  it("given a valid row, then its manager email is the row's (normalised), and its filters are read as written, each pair once", () => {
    const parsed = parse([
      'Carla.Manager@Example.com',
      'carla.coach@example.com',
      '1',
      '1',
      ' COUNTRY = UK ;COUNTRY=IE; COUNTRY=UK; TEAM=North=East ',
    ]);

    expect(parsed.issues).toEqual([]);
    expect(parsed.email).toBe('carla.manager@example.com');
    expect(parsed.line).toEqual<ManagerImportLine>({
      kind: 'managers',
      email: 'Carla.Manager@Example.com',
      learnerEmail: 'carla.coach@example.com',
      filters: [
        { field: 'COUNTRY', value: 'UK' },
        { field: 'COUNTRY', value: 'IE' },
        { field: 'TEAM', value: 'North=East' },
      ],
    });
    expect(parse(['m@example.com', 'l@example.com', '1', '1', '']).line).toMatchObject({ filters: [] });
  });

  it.each([
    [['not-an-email', 'l@example.com', '1', '1', ''], [['Manager email', 'IMPORT_ROW.EMAIL_INVALID']]],
    [['m@example.com', '', '1', '1', ''], [['Learner email', 'IMPORT_ROW.VALUE_REQUIRED']]],
    [
      ['m@example.com', 'l@example.com', '0', '1', ''],
      [['roleLearnerManager', 'IMPORT_ROW.COACH_RIGHT_REQUIRED']],
    ],
    [['m@example.com', 'l@example.com', '1', 'yes', ''], [['roleCoach', 'IMPORT_ROW.RIGHT_INVALID']]],
    [['m@example.com', 'l@example.com', '', '1', ''], [['roleLearnerManager', 'IMPORT_ROW.VALUE_REQUIRED']]],
    [['m@example.com', 'l@example.com', '1', 'true', ''], [['roleCoach', 'IMPORT_ROW.RIGHT_INVALID']]],
    [['m@example.com', 'l@example.com', '1', '1', 'COUNTRY'], [['Filters', 'IMPORT_ROW.FILTERS_INVALID']]],
    [
      ['m@example.com', 'l@example.com', '1', '1', 'COUNTRY=UK; =IE'],
      [['Filters', 'IMPORT_ROW.FILTERS_INVALID']],
    ],
    [
      ['m@example.com', 'l@example.com', '1', '1', '=HYPERLINK("x")'],
      [['Filters', 'IMPORT_ROW.FORMULA_CELL']],
    ],
    [['m@example.com', 'l@example.com', '1', '1'], [[null, 'IMPORT_ROW.COLUMN_COUNT']]],
  ])('given the row %j, then it is refused with %j', (cells, expected) => {
    const parsed = parse(cells);

    expect(parsed.line).toBeNull();
    expect(codesOf(parsed.issues)).toEqual(expected);
  });

  it('given a right written 0, then the message says that a coach has both rights, written 1', () => {
    const [issue] = parse(['m@example.com', 'l@example.com', '1', '0', '']).issues;

    expect(issue?.message).toMatch(/both rights: write 1/);
  });

  it('given accounts no user has, then each is reported on its column, saying that the import creates no users', () => {
    const parsed = parse(['m@example.com', 'l@example.com', '1', '1', '']);

    const issues = checkRow('managers', parsed, factsOf(['m@example.com']), new Set());

    expect(codesOf(issues)).toEqual([['Learner email', 'IMPORT_ROW.USER_UNKNOWN']]);
    expect(issues[0]).toMatchObject({
      value: 'l@example.com',
      message: expect.stringMatching(/creates none/),
    });
    expect(codesOf(checkRow('managers', parsed, factsOf([]), new Set()))).toEqual([
      ['Manager email', 'IMPORT_ROW.USER_UNKNOWN'],
      ['Learner email', 'IMPORT_ROW.USER_UNKNOWN'],
    ]);
  });

  it('given a deactivated or expired account, then the row is refused on its column at validation, as the PUT answers, so a dry run shows it', () => {
    const users = factsOf(['m@example.com', 'l@example.com'], [], ['l@example.com']);
    const issues = checkRow(
      'managers',
      parse(['m@example.com', 'L@example.com', '1', '1', '']),
      users,
      new Set(),
    );

    expect(codesOf(issues)).toEqual([['Learner email', 'COACH_PROFILE.ACCOUNT_INACTIVE']]);
    expect(issues[0]).toMatchObject({
      value: 'L@example.com',
      message: 'The learner account is deactivated.',
    });
  });

  it("given a row breaking a coach profile's rule, then it is refused with the rule's own code and message, as the profile's PUT answers", () => {
    const users = factsOf(['m@example.com', 'l@example.com']);
    const check = (cells: string[]) => checkRow('managers', parse(cells), users, new Set());
    const many = Array.from({ length: 21 }, (_, i) => `COUNTRY=C${i}`).join('; ');

    const same = check(['m@example.com', 'M@example.com', '1', '1', '']);
    expect(codesOf(same)).toEqual([['Learner email', 'COACH_PROFILE.SAME_ACCOUNT']]);
    expect(same[0]?.message).toBe(coachProfileProblemError({ rule: 'same-account' }).message);
    expect(codesOf(check(['m@example.com', 'l@example.com', '1', '1', many])).slice(0, 1)).toEqual([
      ['Filters', 'COACH_PROFILE.TOO_MANY_FILTERS'],
    ]);
    const long = check(['m@example.com', 'l@example.com', '1', '1', `COUNTRY=${'U'.repeat(101)}`]);
    expect(long[0]).toMatchObject({ column: 'Filters', code: 'COACH_PROFILE.FILTER_INVALID' });
  });

  it('given filter values no user holds, then each is noted and the row stays valid (United-Kingdom written for UK is caught)', () => {
    const parsed = parse(['m@example.com', 'l@example.com', '1', '1', 'COUNTRY=UK; COUNTRY=United-Kingdom']);
    const facts = factsOf(['m@example.com', 'l@example.com'], [{ field: 'COUNTRY', value: 'UK' }]);

    const issues = checkRow('managers', parsed, facts, new Set());
    const row = validatedRow({ tenantId: 't', importId: 'i' }, parsed, issues);

    expect(issues).toEqual([
      {
        row: 2,
        column: 'Filters',
        code: 'IMPORT_ROW.FILTER_UNMATCHED',
        message: expect.stringContaining('COUNTRY=United-Kingdom'),
        value: 'COUNTRY=United-Kingdom',
      },
    ]);
    expect(row).toMatchObject({ status: 'valid', line: { kind: 'managers' }, issues });
    const rejected = validatedRow({ tenantId: 't', importId: 'i' }, parsed, [
      ...issues,
      { row: 2, column: 'Learner email', code: 'IMPORT_ROW.USER_UNKNOWN', message: 'No.', value: null },
    ]);
    expect(rejected).toMatchObject({ status: 'rejected', line: null });
  });
});
