import { GroupMembershipsStream, membershipAggregateId, type EventEnvelope } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { buildGroupEnrollmentsTestbed } from '../testing/group-enrollments-testbed';

const identity = new EventFactory('identity');
const TENANT = 'tenant-a';
const [SALES, SUPPORT, ADA] = [
  '0190c0de-0000-7000-8000-000000000001',
  '0190c0de-0000-7000-8000-000000000002',
  '0190c0de-0000-7000-8000-000000000003',
];

function membership(
  type: 'membership.added' | 'membership.roles-changed' | 'membership.removed',
  groupId: string,
  version: number,
): EventEnvelope {
  const payload =
    type === 'membership.removed'
      ? { groupId, userId: ADA }
      : { groupId, userId: ADA, roles: ['learner' as const] };
  return identity.create(GroupMembershipsStream, type, {
    tenantId: TENANT,
    aggregateId: membershipAggregateId(groupId, ADA),
    aggregateVersion: version,
    payload: payload as never,
  }).envelope;
}

describe("MembershipEventsConsumer (identity's memberships → the catalog's groups)", () => {
  function setUp() {
    const { memberships, membershipConsumer } = buildGroupEnrollmentsTestbed();
    const deliver = (...events: EventEnvelope[]) => membershipConsumer.onMembershipEvents(events as never);
    return { memberships, deliver };
  }

  it('given a user added to two groups, its roles changed in one, then removed from the other, then it belongs to the first only', async () => {
    const { memberships, deliver } = setUp();

    await deliver(membership('membership.added', SALES, 1), membership('membership.added', SUPPORT, 1));
    await deliver(
      membership('membership.roles-changed', SALES, 2),
      membership('membership.removed', SUPPORT, 2),
    );

    expect(await memberships.groupsOf(TENANT, ADA)).toEqual([SALES]);
  });

  it('given the whole history redelivered, then nothing changes: an older event never brings a removed member back', async () => {
    const { memberships, deliver } = setUp();
    const history = [membership('membership.added', SALES, 1), membership('membership.removed', SALES, 2)];

    await deliver(...history);
    await deliver(...history);
    await deliver(membership('membership.added', SALES, 1));

    expect(await memberships.groupsOf(TENANT, ADA)).toEqual([]);
  });

  it('given a membership whose roles change, then the projection knows whether the user holds the author role in some group (LE-C2)', async () => {
    const { memberships, deliver } = setUp();
    const withRoles = (version: number, roles: string[]) =>
      identity.create(GroupMembershipsStream, 'membership.roles-changed', {
        tenantId: TENANT,
        aggregateId: membershipAggregateId(SALES, ADA),
        aggregateVersion: version,
        payload: { groupId: SALES, userId: ADA, roles } as never,
      }).envelope;

    await deliver(membership('membership.added', SALES, 1));
    expect(await memberships.holdsRoleInAnyGroup(TENANT, ADA, 'author')).toBe(false);
    await deliver(withRoles(2, ['learner', 'author']));
    expect(await memberships.holdsRoleInAnyGroup(TENANT, ADA, 'author')).toBe(true);
    await deliver(membership('membership.removed', SALES, 3));
    expect(await memberships.holdsRoleInAnyGroup(TENANT, ADA, 'author')).toBe(false);
  });
});
