import { administratorOf, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';
import { importUseCases } from '../../testing/import-use-cases';
import { COACH_RIGHT_NAMES } from '../domain/import-rows';

const ADMIN = administratorOf(TEST_TENANT);
const HEADER = 'Manager email,Learner email,roleLearnerManager,roleCoach,Filters';

function csv(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

describe('CSV import of coaches’ manager accounts (ID-I2, ID-C1, ID-C3, ID-I4)', () => {
  async function setUp() {
    const testbed = buildIdentityTestbed();
    const imports = importUseCases(testbed);
    const givenUser = async (email: string, customFields: Record<string, string> = {}) => {
      const user = await testbed.createUser.execute({
        actor: ADMIN,
        email,
        firstName: 'Carla',
        lastName: 'Coach',
        customFields,
      });
      testbed.outbox.drain();
      return user;
    };
    const carlaManager = await givenUser('carla.manager@example.com');
    const carlaLearner = await givenUser('carla.coach@example.com');
    const danManager = await givenUser('dan.manager@example.com');
    const danLearner = await givenUser('dan.coach@example.com');
    await givenUser('ann@example.com', { COUNTRY: 'UK' });
    await givenUser('ian@example.com', { COUNTRY: 'IE', TEAM: 'North' });
    return { testbed, imports, givenUser, carlaManager, carlaLearner, danManager, danLearner };
  }

  const eventTypes = (testbed: ReturnType<typeof buildIdentityTestbed>) =>
    testbed.outbox.envelopes().map((envelope) => envelope.type);

  async function run(imports: ReturnType<typeof importUseCases>, started: { id: string }) {
    await imports.runImport.execute({ tenantId: TEST_TENANT, importId: started.id });
    return imports.getImport.execute({ actor: ADMIN, importId: started.id });
  }

  it('given good and bad rows, then each good row links a coach through its profile rules, the bad ones are reported with their row, column and code, and a filter value nobody holds is noted on its applied row', async () => {
    const { testbed, imports, carlaManager, carlaLearner, danManager, danLearner } = await setUp();
    const file = csv(
      HEADER,
      'carla.manager@example.com,carla.coach@example.com,1,1,COUNTRY=UK; COUNTRY=IE',
      'DAN.manager@example.com,dan.coach@example.com,1,1,COUNTRY=United-Kingdom; TEAM=North',
      'nobody@example.com,carla.coach@example.com,1,1,COUNTRY=UK',
      'carla.manager@example.com,carla.manager@example.com,1,1,',
      'dan.manager@example.com,dan.coach@example.com,0,1,COUNTRY=UK',
      'dan.manager@example.com,dan.coach@example.com,1,1,COUNTRY',
    );

    const finished = await run(imports, await imports.givenImportStarted(ADMIN, file, { kind: 'managers' }));

    expect(await imports.coaches.coachProfiles.findById(TEST_TENANT, carlaManager.id)).toMatchObject({
      learnerUserId: carlaLearner.id,
      roleLearnerManager: COACH_RIGHT_NAMES.roleLearnerManager,
      roleCoach: COACH_RIGHT_NAMES.roleCoach,
      filters: [
        { field: 'COUNTRY', value: 'IE' },
        { field: 'COUNTRY', value: 'UK' },
      ],
    });
    expect(await imports.coaches.coachProfiles.findById(TEST_TENANT, danManager.id)).toMatchObject({
      learnerUserId: danLearner.id,
      filters: [
        { field: 'COUNTRY', value: 'United-Kingdom' },
        { field: 'TEAM', value: 'North' },
      ],
    });
    expect(
      (await imports.reportOf(ADMIN, finished.id)).map((issue) => [
        issue.row,
        issue.column,
        issue.code,
        issue.value,
      ]),
    ).toEqual([
      [3, 'Filters', 'IMPORT_ROW.FILTER_UNMATCHED', 'COUNTRY=United-Kingdom'],
      [4, 'Manager email', 'IMPORT_ROW.USER_UNKNOWN', 'nobody@example.com'],
      [5, 'Learner email', 'COACH_PROFILE.SAME_ACCOUNT', 'carla.manager@example.com'],
      [6, 'roleLearnerManager', 'IMPORT_ROW.COACH_RIGHT_REQUIRED', '0'],
      [7, 'Filters', 'IMPORT_ROW.FILTERS_INVALID', 'COUNTRY'],
    ]);
    expect(finished).toMatchObject({
      state: 'finished',
      counts: { rowsRead: 6, rowsValid: 2, rowsRejected: 4, rowsApplied: 2 },
    });
    expect(eventTypes(testbed).sort()).toEqual(
      ['coach-profile.created', 'coach-profile.created', 'import.finished'].sort(),
    );
    // Their populations are recomputed (ID-C3), as after the profile's PUT.
    expect([...testbed.jobs.jobs.values()].map((job) => job.input.coachId)).toEqual(
      expect.arrayContaining([carlaManager.id, danManager.id]),
    );
  });

  it('given the same file twice, then the second import applies every row and changes nothing: no profile written, no event', async () => {
    const { testbed, imports, carlaManager } = await setUp();
    const file = csv(HEADER, 'carla.manager@example.com,carla.coach@example.com,1,1,COUNTRY=UK');
    await run(imports, await imports.givenImportStarted(ADMIN, file, { kind: 'managers' }));
    const first = await imports.coaches.coachProfiles.findById(TEST_TENANT, carlaManager.id);
    testbed.outbox.drain();

    const again = await run(imports, await imports.givenImportStarted(ADMIN, file, { kind: 'managers' }));

    expect(again.counts).toMatchObject({ rowsValid: 1, rowsRejected: 0, rowsApplied: 1 });
    expect(await imports.coaches.coachProfiles.findById(TEST_TENANT, carlaManager.id)).toEqual(first);
    expect(eventTypes(testbed)).toEqual(['import.finished']);
  });

  it('given a coach an administrator linked with its own names of the rights, then the import replaces its learner account and filters and keeps those names', async () => {
    const { testbed, imports, carlaManager, carlaLearner, danLearner } = await setUp();
    await imports.coaches.defineCoachProfile.execute({
      actor: ADMIN,
      managerUserId: carlaManager.id,
      learnerUserId: carlaLearner.id,
      roleLearnerManager: 'Sales manager',
      roleCoach: 'Coach',
      filters: [{ field: 'COUNTRY', value: 'UK' }],
    });
    testbed.outbox.drain();

    await run(
      imports,
      await imports.givenImportStarted(
        ADMIN,
        csv(HEADER, 'carla.manager@example.com,dan.coach@example.com,1,1,COUNTRY=IE'),
        { kind: 'managers' },
      ),
    );

    expect(await imports.coaches.coachProfiles.findById(TEST_TENANT, carlaManager.id)).toMatchObject({
      learnerUserId: danLearner.id,
      roleLearnerManager: 'Sales manager',
      roleCoach: 'Coach',
      filters: [{ field: 'COUNTRY', value: 'IE' }],
      version: 2,
    });
    expect(eventTypes(testbed).sort()).toEqual(['coach-profile.updated', 'import.finished']);
  });

  it('given a dry run, then the report shows the bad rows and the unmatched filter values, and no profile is written', async () => {
    const { testbed, imports, carlaManager } = await setUp();
    const file = csv(
      HEADER,
      'carla.manager@example.com,carla.coach@example.com,1,1,COUNTRY=United-Kingdom',
      'dan.manager@example.com,nobody@example.com,1,1,',
    );

    const finished = await run(
      imports,
      await imports.givenImportStarted(ADMIN, file, { kind: 'managers', dryRun: true }),
    );

    expect(await imports.coaches.coachProfiles.findById(TEST_TENANT, carlaManager.id)).toBeNull();
    expect(eventTypes(testbed)).toEqual(['import.finished']);
    expect((await imports.reportOf(ADMIN, finished.id)).map((issue) => [issue.row, issue.code])).toEqual([
      [2, 'IMPORT_ROW.FILTER_UNMATCHED'],
      [3, 'IMPORT_ROW.USER_UNKNOWN'],
    ]);
    expect(finished.counts).toMatchObject({ rowsValid: 1, rowsRejected: 1, rowsApplied: 0 });
  });

  it('given all_or_nothing and rows whose only reasons are notes, then they are applied all the same', async () => {
    const { imports, carlaManager } = await setUp();
    const file = csv(HEADER, 'carla.manager@example.com,carla.coach@example.com,1,1,COUNTRY=Atlantis');

    const finished = await run(
      imports,
      await imports.givenImportStarted(ADMIN, file, { kind: 'managers', mode: 'all_or_nothing' }),
    );

    expect(finished.counts).toMatchObject({ rowsValid: 1, rowsRejected: 0, rowsApplied: 1 });
    expect(await imports.coaches.coachProfiles.findById(TEST_TENANT, carlaManager.id)).not.toBeNull();
    expect((await imports.reportOf(ADMIN, finished.id)).map((issue) => issue.code)).toEqual([
      'IMPORT_ROW.FILTER_UNMATCHED',
    ]);
  });

  it("given an account deactivated, then its row is rejected at validation with the coach profile's own code (a dry run shows it), and the other rows go on", async () => {
    const { testbed, imports, danManager, carlaManager } = await setUp();
    await testbed.givenUserChanged(danManager, { state: 'deactivated' });
    const file = csv(
      HEADER,
      'dan.manager@example.com,dan.coach@example.com,1,1,COUNTRY=UK',
      'carla.manager@example.com,carla.coach@example.com,1,1,COUNTRY=UK',
    );

    const finished = await run(imports, await imports.givenImportStarted(ADMIN, file, { kind: 'managers' }));

    const [refusal] = await imports.reportOf(ADMIN, finished.id);
    expect(refusal).toMatchObject({
      row: 2,
      column: 'Manager email',
      code: 'COACH_PROFILE.ACCOUNT_INACTIVE',
      message: expect.stringContaining('deactivated'),
    });
    expect(finished.counts).toMatchObject({ rowsValid: 1, rowsRejected: 1, rowsApplied: 1 });
    expect(await imports.coaches.coachProfiles.findById(TEST_TENANT, carlaManager.id)).not.toBeNull();
  });
});
