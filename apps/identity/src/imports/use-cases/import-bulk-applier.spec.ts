import type { EventEnvelope } from '@lms/contracts';
import type { Group } from '../../groups/domain/group';
import { actorFor, administratorOf, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';
import { importUseCases } from '../../testing/import-use-cases';
import type { Import } from '../domain/import';
import type { ImportRow } from '../domain/import-rows';

type Testbed = ReturnType<typeof buildIdentityTestbed>;

function userRow(
  entry: Import,
  row: number,
  email: string,
  group: Group,
  names: { firstName: string | null; lastName: string | null } = { firstName: 'Ada', lastName: `Row ${row}` },
): ImportRow {
  return {
    tenantId: entry.tenantId,
    importId: entry.id,
    row,
    status: 'valid',
    email: email.toLowerCase(),
    named: names.firstName !== null && names.lastName !== null,
    line: {
      kind: 'users',
      email,
      ...names,
      role: 'learner',
      groupId: group.id,
      locale: 'it',
      customFields: { COUNTRY: 'UK' },
    },
    issues: [],
  };
}

/** What a user sees of an applied chunk: the users, their memberships and the events, without generated ids and times. */
async function seen(testbed: Testbed, group: Group, emails: readonly string[]) {
  const users = await Promise.all(emails.map((email) => testbed.users.findByEmail(TEST_TENANT, email)));
  const memberships = await Promise.all(
    users.map((user) => (user ? testbed.memberships.find(TEST_TENANT, group.id, user.id) : null)),
  );
  const idOf = new Map(users.flatMap((user, at) => (user ? [[user.id, emails[at]] as const] : [])));
  const events = testbed.outbox
    .envelopes()
    .map((envelope: EventEnvelope) => ({
      type: envelope.type,
      aggregateVersion: envelope.aggregateVersion,
      of: idOf.get(envelope.aggregateId) ?? idOf.get(envelope.aggregateId.split(':').at(-1) ?? ''),
    }))
    .sort((a, b) => `${a.of}${a.type}`.localeCompare(`${b.of}${b.type}`));
  return {
    users: users.map((user) =>
      user
        ? {
            email: user.email,
            firstName: user.firstName,
            lastName: user.lastName,
            locale: user.locale,
            customFields: user.customFields,
            state: user.state,
            version: user.version,
          }
        : null,
    ),
    memberships: memberships.map((membership) =>
      membership ? { roles: membership.roles, status: membership.status, version: membership.version } : null,
    ),
    events,
  };
}

describe('ImportBulkApplier: new users of a chunk at once (ID-I1, ID-I4)', () => {
  async function setUp() {
    const testbed = buildIdentityTestbed();
    const imports = importUseCases(testbed);
    const group = await testbed.givenGroup({ name: 'Sales' });
    const entry = await imports.givenImportStarted(
      administratorOf(TEST_TENANT),
      'Email,First Name,Last Name,Role,Group ID,Locale,Extra information,Labels\r\n',
    );
    return { testbed, imports, group, entry };
  }

  /** The chunk applied in bulk, then what is left row by row, as the import's job does. */
  async function inBulk(context: Awaited<ReturnType<typeof setUp>>, rows: ImportRow[]) {
    const outcomes = await context.imports.bulk.apply(context.entry, rows);
    const statuses: ImportRow[] = [];
    for (const [at, row] of rows.entries())
      statuses.push(outcomes.get(at) ?? (await context.imports.applier.apply(context.entry, row)));
    return { outcomes, statuses };
  }

  /** Every row of the chunk on its own, as a single change. */
  async function rowByRow(context: Awaited<ReturnType<typeof setUp>>, rows: ImportRow[]) {
    const statuses: ImportRow[] = [];
    for (const row of rows) statuses.push(await context.imports.applier.apply(context.entry, row));
    return statuses;
  }

  const emails = ['ada@example.com', 'Bob@Example.com', 'cy@example.com'];

  it('given new named users, when applied in bulk, then the users, memberships, events and row outcomes are those of the rows applied one by one', async () => {
    const bulk = await setUp();
    const single = await setUp();
    const rowsOf = (context: typeof bulk) =>
      emails.map((email, at) => userRow(context.entry, at + 2, email, context.group));

    const { outcomes, statuses } = await inBulk(bulk, rowsOf(bulk));
    const alone = await rowByRow(single, rowsOf(single));

    expect(outcomes.size).toBe(3);
    expect(statuses.map((row) => [row.row, row.status, row.issues])).toEqual(
      alone.map((row) => [row.row, row.status, row.issues]),
    );
    const lower = emails.map((email) => email.toLowerCase());
    expect(await seen(bulk.testbed, bulk.group, lower)).toEqual(
      await seen(single.testbed, single.group, lower),
    );
    expect(statuses.every((row) => row.status === 'applied')).toBe(true);
  });

  it('given the chunk applied again (a run that died before saving its rows), then nothing is created or added twice and no event is written again', async () => {
    const context = await setUp();
    const rows = emails.map((email, at) => userRow(context.entry, at + 2, email, context.group));
    await inBulk(context, rows);
    context.testbed.outbox.drain();

    const { outcomes, statuses } = await inBulk(context, rows);

    expect(outcomes.size).toBe(0);
    expect(statuses.map((row) => row.status)).toEqual(['applied', 'applied', 'applied']);
    expect(context.testbed.outbox.envelopes()).toEqual([]);
  });

  it('given an actor that may not create users, then every row is refused with the code a single row gets', async () => {
    const bulk = await setUp();
    const single = await setUp();
    const refusedAs = async (context: typeof bulk, mode: 'bulk' | 'single') => {
      const powerUser = await context.testbed.givenPowerUser([context.group]);
      const entry: Import = { ...context.entry, startedBy: actorFor(powerUser) };
      const rows = emails.map((email, at) => userRow(entry, at + 2, email, context.group));
      const scoped = { ...context, entry };
      return mode === 'bulk' ? (await inBulk(scoped, rows)).statuses : rowByRow(scoped, rows);
    };

    const viaBulk = await refusedAs(bulk, 'bulk');
    const alone = await refusedAs(single, 'single');

    expect(viaBulk.map((row) => [row.status, row.issues.map((issue) => issue.code)])).toEqual(
      alone.map((row) => [row.status, row.issues.map((issue) => issue.code)]),
    );
    expect(viaBulk[0]?.status).toBe('refused');
  });

  it('given a known user, a user named twice in the chunk and a row without names, then those rows are left to their own path and end as they would alone', async () => {
    const bulk = await setUp();
    const single = await setUp();
    const rowsOf = async (context: typeof bulk) => {
      await context.testbed.givenUser({ email: 'known@example.com', firstName: 'Kim' });
      context.testbed.outbox.drain();
      return [
        userRow(context.entry, 2, 'known@example.com', context.group),
        userRow(context.entry, 3, 'twice@example.com', context.group),
        userRow(context.entry, 4, 'twice@example.com', context.group, { firstName: null, lastName: null }),
        userRow(context.entry, 5, 'new@example.com', context.group),
      ];
    };

    const { outcomes, statuses } = await inBulk(bulk, await rowsOf(bulk));
    const alone = await rowByRow(single, await rowsOf(single));

    expect([...outcomes.keys()]).toEqual([3]);
    expect(statuses.map((row) => [row.row, row.status])).toEqual(alone.map((row) => [row.row, row.status]));
    const all = ['known@example.com', 'twice@example.com', 'new@example.com'];
    expect(await seen(bulk.testbed, bulk.group, all)).toEqual(await seen(single.testbed, single.group, all));
  });
});
