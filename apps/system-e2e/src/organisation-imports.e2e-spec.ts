import { ApiClient, eventually, startPlatform, uniqueSuffix, type RunningPlatform } from '@lms/testing';
import type { Created } from './api-shapes';

interface ImportBody {
  id: string;
  state: string;
  dryRun: boolean;
  rowsTotal: number;
  rowsRejected: number;
  rowsApplied: number;
}

interface UserItem {
  id: string;
  email: string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The rows of the file made bad on purpose (the header is row 1), each with its own fault. */
const BAD_ROWS = new Map<number, (row: string[]) => string[]>([
  [7, (row) => ['not-an-email', ...row.slice(1)]],
  [120, (row) => [...row.slice(0, 3), '9', ...row.slice(4)]],
  [233, (row) => [...row.slice(0, 4), '00000000-0000-7000-8000-00000000dead', ...row.slice(5)]],
  [345, (row) => ['', ...row.slice(1)]],
  [456, (row) => [...row.slice(0, 3), 'Teacher', ...row.slice(4)]],
  [567, (row) => [row[0] as string, '=HYPERLINK("http://evil.example.com")', ...row.slice(2)]],
  [678, (row) => [...row.slice(0, 5), 'xx-not-a-locale-at-all', ...row.slice(6)]],
  [789, (row) => [...row.slice(0, 6), 'COUNTRY', ...row.slice(7)]],
  [890, (row) => [...row.slice(0, 3), '', ...row.slice(4)]],
  [1001, (row) => [...row.slice(0, 4), '', ...row.slice(5)]],
]);

/**
 * The organisation end to end, through the gateway with every service running (issue: imports
 * and coach populations): 1,000 users imported from a CSV with 10 bad rows (the report names
 * exactly those rows, and the 990 users exist); the same file again changes nothing; a dry run
 * writes nothing; a coach whose filter is `COUNTRY = UK` sees exactly the UK learners and the
 * report names the filter value that matched nobody; a coach linked by a manager file gets its
 * filters, and that file's report notes the value nobody holds; a group coach does not see
 * another group's members.
 */
describe('the organisation: imports, coach populations and group visibility (every service, through the gateway)', () => {
  const run = uniqueSuffix();
  const code = `org-${run}`;
  const email = (who: string): string => `${who}.${run}@org.example.com`;
  let platform: RunningPlatform;
  let admin: ApiClient;
  let sales: Created;
  let support: Created;

  beforeAll(async () => {
    platform = await startPlatform({ basePort: 13_650 });
    const systemAdmin = await ApiClient.signIn(platform.gatewayUrl, platform.admin, `org-${run}`);
    const administrator = { email: email('admin'), password: `admin-password-${run}` };
    const tenant = await systemAdmin.call('POST', '/api/v1/identity/tenants', {
      code,
      name: `Organisation ${code}`,
      administrator: { ...administrator, firstName: 'Ada', lastName: 'Admin' },
    });
    expect(tenant.status).toBe(201);
    admin = await ApiClient.signIn(platform.gatewayUrl, { tenant: code, ...administrator }, `org-${run}`);
    sales = await admin.create<Created>('/api/v1/identity/groups', { name: 'Sales' });
    support = await admin.create<Created>('/api/v1/identity/groups', { name: 'Support' });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  /** Row `n` (the header is row 1): a learner of Sales, one in three in the UK. */
  function row(n: number): string[] {
    const country = n % 3 === 0 ? 'UK' : 'FR';
    return [email(`learner-${n}`), `Learner${n}`, 'Imported', '3', sales.id, 'en', `COUNTRY=${country}`];
  }

  function csvOf(rows: readonly string[][]): string {
    const header = ['Email', 'First Name', 'Last Name', 'Role', 'Group ID', 'Locale', 'Extra information'];
    const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    return [header, ...rows].map((cells) => cells.map(quoted).join(',')).join('\r\n') + '\r\n';
  }

  async function importUsers(csv: string, fields: Record<string, string> = {}): Promise<ImportBody> {
    const started = await admin.upload<ImportBody>(
      '/api/v1/identity/imports',
      { kind: 'users', mode: 'valid_rows', ...fields },
      { field: 'file', name: 'people.csv', type: 'text/csv', content: csv },
    );
    expect(started.status).toBe(202);
    return eventually(
      async () => {
        const progress = await admin.get<ImportBody>(`/api/v1/identity/imports/${started.body.id}`);
        expect(progress.state).toBe('finished');
        return progress;
      },
      { timeoutMs: 240_000, intervalMs: 500 },
    );
  }

  async function usersOfTenant(): Promise<UserItem[]> {
    const all: UserItem[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<UserItem> = await admin.get<Page<UserItem>>(
        `/api/v1/identity/users?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return all;
  }

  /** The 1,000 rows of the file, made once the groups exist. */
  function rows(): string[][] {
    return Array.from({ length: 1_000 }, (_, i) => {
      const n = i + 2;
      return BAD_ROWS.get(n)?.(row(n)) ?? row(n);
    });
  }

  it('imports 1,000 users with 10 bad rows: the report names exactly those rows and the 990 users exist; the same file again changes nothing; a dry run writes nothing', async () => {
    const file = csvOf(rows());
    const first = await importUsers(file);
    expect(first).toMatchObject({ rowsTotal: 1_000, rowsRejected: 10, rowsApplied: 990 });
    const report = await admin.download(`/api/v1/identity/imports/${first.id}/report.csv`);
    expect(report.status).toBe(200);
    const reported = new Set(
      report.text
        .split('\r\n')
        .slice(1)
        .filter((line) => line.length > 0)
        .map((line) => Number(line.split(',')[0])),
    );
    expect([...reported].sort((a, b) => a - b)).toEqual([...BAD_ROWS.keys()]);
    const imported = (await usersOfTenant()).filter((user) => user.email.startsWith('learner-'));
    expect(imported).toHaveLength(990);

    const sample = imported[0] as UserItem;
    const before = await admin.get<{ version: number }>(`/api/v1/identity/users/${sample.id}`);
    const again = await importUsers(file);
    expect(again.rowsRejected).toBe(10);
    expect(await usersOfTenant()).toHaveLength(imported.length + 1);
    expect((await admin.get<{ version: number }>(`/api/v1/identity/users/${sample.id}`)).version).toBe(
      before.version,
    );

    const fresh = [2, 3, 4].map((n) => [
      email(`dry-${n}`),
      `Dry${n}`,
      'Run',
      '3',
      sales.id,
      'en',
      'COUNTRY=UK',
    ]);
    const dry = await importUsers(csvOf(fresh), { dryRun: 'true' });
    expect(dry).toMatchObject({ dryRun: true, rowsRejected: 0 });
    expect((await usersOfTenant()).filter((user) => user.email.startsWith('dry-'))).toEqual([]);
  }, 600_000);

  it('shows a coach whose filter is COUNTRY = UK exactly the UK learners, and names the filter value that matched nobody', async () => {
    const password = `coach-password-${run}`;
    const coach = await admin.create<Created>('/api/v1/identity/users', {
      email: email('coach'),
      firstName: 'Carla',
      lastName: 'Coach',
      password,
    });
    const coachLearner = await admin.create<Created>('/api/v1/identity/users', {
      email: email('coach-learner'),
      firstName: 'Carla',
      lastName: 'Learner',
    });
    const profile = await admin.call('PUT', `/api/v1/identity/coaches/${coach.id}`, {
      learnerUserId: coachLearner.id,
      roleLearnerManager: 'Sales manager',
      roleCoach: 'Coach',
      filters: [
        { field: 'COUNTRY', value: 'UK' },
        { field: 'COUNTRY', value: 'United-Kingdom' },
      ],
    });
    expect(profile.status).toBe(201);
    const ukLearners = (await usersOfTenant())
      .filter((user) => user.email.startsWith('learner-'))
      .filter((user) => Number(/learner-(\d+)\./.exec(user.email)?.[1]) % 3 === 0)
      .map((user) => user.id)
      .sort();
    expect(ukLearners.length).toBeGreaterThan(300);

    const coachClient = await ApiClient.signIn(
      platform.gatewayUrl,
      { tenant: code, email: email('coach'), password },
      `org-${run}`,
    );
    const population = await eventually(
      async () => {
        const all: string[] = [];
        let cursor: string | null = null;
        let first: { recomputedAt: string | null; unmatchedFilters: unknown[] } | null = null;
        do {
          const page: Page<UserItem> & { recomputedAt: string | null; unmatchedFilters: unknown[] } =
            await coachClient.get(
              `/api/v1/identity/coaches/${coach.id}/population?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
            );
          first ??= page;
          all.push(...page.items.map((user) => user.id));
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(first?.recomputedAt).not.toBeNull();
        return { ids: all.sort(), unmatched: first?.unmatchedFilters };
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(population.ids).toEqual(ukLearners);
    expect(population.unmatched).toEqual([{ field: 'COUNTRY', value: 'United-Kingdom' }]);
  }, 300_000);

  it("links a coach by a manager file: its profile takes the file's filters, and the report notes the value nobody holds (ID-I2)", async () => {
    const manager = await admin.create<Created>('/api/v1/identity/users', {
      email: email('file-coach'),
      firstName: 'Fabio',
      lastName: 'Coach',
    });
    const learner = await admin.create<Created>('/api/v1/identity/users', {
      email: email('file-coach-learner'),
      firstName: 'Fabio',
      lastName: 'Learner',
    });
    const file = [
      'Manager email,Learner email,roleLearnerManager,roleCoach,Filters',
      `${email('file-coach')},${email('file-coach-learner')},1,1,COUNTRY=UK; COUNTRY=United-Kingdom`,
      `${email('nobody')},${email('file-coach-learner')},1,1,COUNTRY=UK`,
    ].join('\r\n');

    const done = await importUsers(file, { kind: 'managers' });

    expect(done).toMatchObject({ rowsTotal: 2, rowsRejected: 1, rowsApplied: 1 });
    const report = await admin.download(`/api/v1/identity/imports/${done.id}/report.csv`);
    expect(
      report.text
        .split('\r\n')
        .slice(1)
        .filter((line) => line.length > 0)
        .map((line) => line.split(',').slice(0, 3).join(',')),
    ).toEqual(['2,Filters,IMPORT_ROW.FILTER_UNMATCHED', '3,Manager email,IMPORT_ROW.USER_UNKNOWN']);
    expect(report.text).toContain('COUNTRY=United-Kingdom');
    expect(await admin.get(`/api/v1/identity/coaches/${manager.id}`)).toMatchObject({
      learnerUserId: learner.id,
      roleLearnerManager: 'Can access the learners section',
      roleCoach: 'Can be a coach in the Coaching add-on',
      filters: [
        { field: 'COUNTRY', value: 'UK' },
        { field: 'COUNTRY', value: 'United-Kingdom' },
      ],
    });
  });

  it("refuses a group coach another group's members, and shows it its own group's", async () => {
    const password = `group-coach-password-${run}`;
    const groupCoach = await admin.create<Created>('/api/v1/identity/users', {
      email: email('group-coach'),
      firstName: 'Gino',
      lastName: 'Coach',
      password,
    });
    await admin.create(`/api/v1/identity/groups/${support.id}/members`, {
      userId: groupCoach.id,
      roles: ['coach'],
    });
    const client = await ApiClient.signIn(
      platform.gatewayUrl,
      { tenant: code, email: email('group-coach'), password },
      `org-${run}`,
    );

    expect((await client.call('GET', `/api/v1/identity/groups/${support.id}/members`)).status).toBe(200);
    expect((await client.call('GET', `/api/v1/identity/groups/${sales.id}/members`)).status).toBe(403);
  });
});
