import { administratorOf, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';
import { failOnce } from '../../testing/fail-once';
import { importUseCases } from '../../testing/import-use-cases';
import type { Group } from '../../groups/domain/group';

const ADMIN = administratorOf(TEST_TENANT);
const USERS_HEADER = 'Email,First Name,Last Name,Role,Group ID,Locale,Extra information,Labels';

function csv(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

describe('CSV imports of users and states (ID-I1, ID-I3, ID-I4)', () => {
  async function setUp() {
    const testbed = buildIdentityTestbed();
    const imports = importUseCases(testbed);
    const sales = await testbed.givenGroup({ name: 'Sales' });
    const support = await testbed.givenGroup({ name: 'Support' });
    return { testbed, imports, sales, support };
  }

  const eventTypes = (testbed: ReturnType<typeof buildIdentityTestbed>) =>
    testbed.outbox.envelopes().map((envelope) => envelope.type);

  it('given new and known emails, one line per role per group, then users are created or updated and their roles become memberships with their events', async () => {
    const { testbed, imports, sales, support } = await setUp();
    const known = await testbed.givenUser({ email: 'known@example.com', firstName: 'Kim' });
    await testbed.givenMember(sales, known, ['learner']);
    const file = csv(
      USERS_HEADER,
      `ada@example.com,Ada,Lovelace,3,${sales.id},it,COUNTRY=UK; TEAM=North,"pilot, 2027"`,
      `ada@example.com,,,1,${support.id},,,`,
      `known@example.com,,,2,${sales.id},,,vip`,
      `ADA@example.com,,,0,${support.id},,,`,
    );

    const started = await imports.givenImportStarted(ADMIN, file);
    await imports.runImport.execute({ tenantId: TEST_TENANT, importId: started.id });

    const ada = await testbed.users.findByEmail(TEST_TENANT, 'ada@example.com');
    expect(ada).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'it',
      customFields: { COUNTRY: 'UK', TEAM: 'North', LABELS: 'pilot,2027' },
    });
    const adaId = ada?.id as string;
    expect((await testbed.memberships.find(TEST_TENANT, sales.id, adaId))?.roles).toEqual(['learner']);
    expect((await testbed.memberships.find(TEST_TENANT, support.id, adaId))?.roles.sort()).toEqual([
      'admin',
      'coach',
    ]);
    expect((await testbed.memberships.find(TEST_TENANT, sales.id, known.id))?.roles.sort()).toEqual([
      'author',
      'learner',
    ]);
    expect((await testbed.users.findById(TEST_TENANT, known.id))?.customFields).toEqual({ LABELS: 'vip' });
    expect(eventTypes(testbed).sort()).toEqual(
      [
        'user.created',
        'membership.added',
        'membership.added',
        'user.updated',
        'membership.roles-changed',
        'membership.roles-changed',
        'import.finished',
      ].sort(),
    );
    const finished = await imports.getImport.execute({ actor: ADMIN, importId: started.id });
    expect(finished).toMatchObject({
      state: 'finished',
      rowsTotal: 4,
      counts: { rowsRead: 4, rowsValid: 4, rowsRejected: 0, rowsApplied: 4 },
    });
    const [event] = testbed.outbox.envelopes().filter((envelope) => envelope.type === 'import.finished');
    expect(event?.payload).toMatchObject({
      importId: started.id,
      kind: 'users',
      outcome: 'finished',
      startedBy: null,
      dryRun: false,
      rowsRead: 4,
      rowsApplied: 4,
      rowsRejected: 0,
    });
  });

  it('given invalid rows in valid_rows mode, then the valid rows are applied and each invalid one is reported with its row, column and code', async () => {
    const { testbed, imports, sales } = await setUp();
    const file = csv(
      USERS_HEADER,
      `ok@example.com,Olga,Ok,3,${sales.id},,,`,
      `not-an-email,Nina,No,3,${sales.id},,,`,
      `role@example.com,Rita,Role,7,${sales.id},,,`,
      `group@example.com,Gina,Group,3,no-such-group,,,`,
      `nameless@example.com,,,3,${sales.id},,,`,
      `formula@example.com,=HYPERLINK("http://evil"),F,3,${sales.id},,,`,
      `extra@example.com,Ed,Extra,3,${sales.id},fr,COUNTRY,`,
      `short@example.com,Sam`,
    );

    const started = await imports.givenImportStarted(ADMIN, file);
    await imports.runImport.execute({ tenantId: TEST_TENANT, importId: started.id });

    expect(await testbed.users.findByEmail(TEST_TENANT, 'ok@example.com')).not.toBeNull();
    expect(await testbed.users.findByEmail(TEST_TENANT, 'role@example.com')).toBeNull();
    const report = await imports.reportOf(ADMIN, started.id);
    expect(report.map((issue) => [issue.row, issue.column, issue.code])).toEqual([
      [3, 'Email', 'IMPORT_ROW.EMAIL_INVALID'],
      [4, 'Role', 'IMPORT_ROW.ROLE_INVALID'],
      [5, 'Group ID', 'IMPORT_ROW.GROUP_UNKNOWN'],
      [6, 'First Name', 'IMPORT_ROW.NAME_REQUIRED'],
      [7, 'First Name', 'IMPORT_ROW.FORMULA_CELL'],
      [8, 'Locale', 'IMPORT_ROW.LOCALE_INVALID'],
      [8, 'Extra information', 'IMPORT_ROW.EXTRA_INFORMATION_INVALID'],
      [9, null, 'IMPORT_ROW.COLUMN_COUNT'],
    ]);
    expect(await imports.getImport.execute({ actor: ADMIN, importId: started.id })).toMatchObject({
      state: 'finished',
      counts: { rowsRead: 8, rowsValid: 1, rowsRejected: 7, rowsApplied: 1 },
    });
  });

  it('given an invalid row in all_or_nothing mode, then nothing is applied', async () => {
    const { testbed, imports, sales } = await setUp();
    const file = csv(USERS_HEADER, `ok@example.com,Olga,Ok,3,${sales.id},,,`, `bad,Bo,Bad,3,${sales.id},,,`);

    const started = await imports.givenImportStarted(ADMIN, file, { mode: 'all_or_nothing' });
    await imports.runImport.execute({ tenantId: TEST_TENANT, importId: started.id });

    expect(await testbed.users.findByEmail(TEST_TENANT, 'ok@example.com')).toBeNull();
    expect(eventTypes(testbed)).toEqual(['import.finished']);
    expect(await imports.getImport.execute({ actor: ADMIN, importId: started.id })).toMatchObject({
      state: 'finished',
      counts: { rowsValid: 1, rowsRejected: 1, rowsApplied: 0 },
    });
  });

  it('given a dry run, then the report is made and nothing is written', async () => {
    const { testbed, imports, sales } = await setUp();
    const file = csv(USERS_HEADER, `ok@example.com,Olga,Ok,3,${sales.id},,,`, `bad,Bo,Bad,3,${sales.id},,,`);

    const started = await imports.givenImportStarted(ADMIN, file, { dryRun: true });
    await imports.runImport.execute({ tenantId: TEST_TENANT, importId: started.id });

    expect(await testbed.users.findByEmail(TEST_TENANT, 'ok@example.com')).toBeNull();
    expect(eventTypes(testbed)).toEqual(['import.finished']);
    expect((await imports.reportOf(ADMIN, started.id)).map((issue) => issue.code)).toEqual([
      'IMPORT_ROW.EMAIL_INVALID',
    ]);
    expect(testbed.outbox.envelopes()[0]?.payload).toMatchObject({
      dryRun: true,
      rowsApplied: 0,
      rowsRejected: 1,
    });
  });

  it('given a run that dies after applying a chunk but before saving its progress, then the next run applies no row twice', async () => {
    const { testbed, imports, sales } = await setUp();
    const lines = Array.from({ length: 7 }, (_, i) => `user${i}@example.com,U${i},Ser,3,${sales.id},,,`);
    const started = await imports.givenImportStarted(ADMIN, csv(USERS_HEADER, ...lines));
    const command = { tenantId: TEST_TENANT, importId: started.id };
    // Validation (7 rows in chunks of 3, two chunks per run), then the first chunk applied.
    while ((await imports.getImport.execute({ actor: ADMIN, importId: started.id })).state === 'validating')
      await imports.runImport.runChunk(command);
    failOnce(imports.imports, 'update');

    await expect(imports.runImport.runChunk(command)).rejects.toThrow('connection lost');
    await imports.runImport.execute(command);

    const created = testbed.outbox.envelopes().filter((envelope) => envelope.type === 'user.created');
    const added = testbed.outbox.envelopes().filter((envelope) => envelope.type === 'membership.added');
    expect(created).toHaveLength(7);
    expect(added).toHaveLength(7);
    expect(await imports.getImport.execute({ actor: ADMIN, importId: started.id })).toMatchObject({
      state: 'finished',
      counts: { rowsRead: 7, rowsApplied: 7, rowsRejected: 0 },
    });
  });

  it('given a state file, then users are deactivated, activated and given expiry dates through the state rules', async () => {
    const { testbed, imports } = await setUp();
    const leaving = await testbed.givenUser({ email: 'leaving@example.com' });
    const back = await testbed.givenUser({ email: 'back@example.com' });
    await testbed.givenUserChanged(back, { state: 'deactivated' });
    const file = csv(
      'Email;Action;Expiry date',
      'leaving@example.com;deactivate;',
      'back@example.com;activate;2030-06-30',
      'nobody@example.com;deactivate;',
      'back@example.com;pause;2030-02-30',
    );

    const started = await imports.givenImportStarted(ADMIN, file, { kind: 'states' });
    await imports.runImport.execute({ tenantId: TEST_TENANT, importId: started.id });

    expect((await testbed.users.findById(TEST_TENANT, leaving.id))?.state).toBe('deactivated');
    const restored = await testbed.users.findById(TEST_TENANT, back.id);
    expect(restored?.state).toBe('activated');
    expect(restored?.expiresAt?.toISOString()).toBe('2030-07-01T00:00:00.000Z');
    expect(
      (await imports.reportOf(ADMIN, started.id)).map((issue) => [issue.row, issue.column, issue.code]),
    ).toEqual([
      [4, 'Email', 'IMPORT_ROW.USER_UNKNOWN'],
      [5, 'Action', 'IMPORT_ROW.ACTION_INVALID'],
      [5, 'Expiry date', 'IMPORT_ROW.DATE_INVALID'],
    ]);
  });

  it('given a row its starter may not apply, then it is refused with the rule it met and the others go on', async () => {
    const { testbed, imports } = await setUp();
    const powerUser = await testbed.givenPowerUser([] as Group[]);
    const target = await testbed.givenUser({ email: 'target@example.com' });
    const file = csv('Email,Action', `${powerUser.email},deactivate`, 'target@example.com,deactivate');
    const asPowerUser = { tenantId: TEST_TENANT, userId: powerUser.id, level: 'power_user', roles: [] };

    const started = await imports.givenImportStarted(asPowerUser, file, { kind: 'states' });
    await imports.runImport.execute({ tenantId: TEST_TENANT, importId: started.id });

    expect((await testbed.users.findById(TEST_TENANT, target.id))?.state).toBe('activated');
    expect((await imports.reportOf(asPowerUser, started.id)).map((issue) => [issue.row, issue.code])).toEqual(
      [
        [2, 'USER.OWN_STATE'],
        [3, 'USER.FORBIDDEN'],
      ],
    );
    expect(await imports.getImport.execute({ actor: asPowerUser, importId: started.id })).toMatchObject({
      counts: { rowsValid: 2, rowsRejected: 2, rowsApplied: 0 },
    });
  });

  it('given an import of another tenant, then it is not found', async () => {
    const { imports, sales } = await setUp();
    const started = await imports.givenImportStarted(
      ADMIN,
      csv(USERS_HEADER, `a@example.com,A,B,3,${sales.id},,,`),
    );

    await expect(
      imports.getImport.execute({ actor: administratorOf('tenant-b'), importId: started.id }),
    ).rejects.toMatchObject({ code: 'IMPORT.NOT_FOUND' });
  });
});
