import type { Membership } from '../../memberships/domain/membership';
import type { Assignment } from './assignment';
import type { GroupAssignment } from './group-assignment';
import { derivedNoLongerMatching, membershipMatches, planMemberAssignments } from './membership-matching';

const GROUP = 'group-1';

function groupAssignment(overrides: Partial<GroupAssignment> = {}): GroupAssignment {
  return {
    id: 'ga-1',
    tenantId: 't',
    groupId: GROUP,
    roles: ['learner'],
    coachIds: ['coach-1'],
    startDate: '2025-03-01',
    endDate: null,
    status: 'current',
    active: true,
    fanOut: { status: 'done', processed: 0, cursor: null, pendingUntil: null, completedAt: null },
    follow: { status: 'done', version: 1, processed: 0, cursor: null },
    createdAt: new Date('2025-03-01T10:00:00.000Z'),
    updatedAt: new Date('2025-03-01T10:00:00.000Z'),
    deletedAt: null,
    version: 1,
    ...overrides,
  };
}

function membership(overrides: Partial<Membership> = {}): Membership {
  return {
    tenantId: 't',
    groupId: GROUP,
    userId: 'user-1',
    roles: ['learner'],
    status: 'active',
    version: 1,
    rolesSince: new Date('2025-01-01T00:00:00.000Z'),
    roleSince: {},
    updatedAt: new Date('2025-01-01T00:00:00.000Z'),
    ...overrides,
  };
}

function derived(groupAssignmentId: string, overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: `a-${groupAssignmentId}`,
    tenantId: 't',
    menteeId: 'user-1',
    coachIds: ['coach-1'],
    origin: 'group',
    groupAssignmentId,
    groupId: GROUP,
    startDate: '2025-03-01',
    endDate: null,
    status: 'current',
    active: true,
    createdAt: new Date('2025-03-01T10:00:00.000Z'),
    updatedAt: new Date('2025-03-01T10:00:00.000Z'),
    endedAt: null,
    endReason: null,
    deletedAt: null,
    membershipVersion: 1,
    lastInteractionAt: null,
    expiryNoticeSentFor: null,
    version: 1,
    ...overrides,
  };
}

describe('does this membership match this group assignment', () => {
  it('given an active member holding one of the roles, then it matches', () => {
    expect(
      membershipMatches(
        groupAssignment({ roles: ['author', 'learner'] }),
        membership({ roles: ['learner', 'admin'] }),
      ),
    ).toBe(true);
  });

  it('given a member holding none of the roles, then it does not match', () => {
    expect(
      membershipMatches(groupAssignment({ roles: ['learner'] }), membership({ roles: ['author'] })),
    ).toBe(false);
  });

  it('given a removed member, then it does not match', () => {
    expect(membershipMatches(groupAssignment(), membership({ status: 'removed' }))).toBe(false);
  });

  it('given a member who is one of the coaches, then it does not match (nobody coaches themselves)', () => {
    expect(
      membershipMatches(groupAssignment({ coachIds: ['user-1'] }), membership({ userId: 'user-1' })),
    ).toBe(false);
  });

  it('given a member of another group, then it does not match', () => {
    expect(membershipMatches(groupAssignment(), membership({ groupId: 'other' }))).toBe(false);
  });

  it('given a group assignment that ended, then nobody matches', () => {
    expect(membershipMatches(groupAssignment({ status: 'ended' }), membership())).toBe(false);
  });
});

describe("planning a member's derived assignments", () => {
  it('given a matching member without assignments, then one is planned per matching group assignment', () => {
    const plan = planMemberAssignments({
      membership: membership({ roles: ['learner'] }),
      groupAssignments: [groupAssignment({ id: 'ga-1' }), groupAssignment({ id: 'ga-2', roles: ['author'] })],
      currentAssignments: [],
    });
    expect(plan.toCreate.map((ga) => ga.id)).toEqual(['ga-1']);
    expect(plan.toEnd).toEqual([]);
  });

  it('given the member already has it, then nothing is planned (idempotent)', () => {
    const plan = planMemberAssignments({
      membership: membership(),
      groupAssignments: [groupAssignment({ id: 'ga-1' })],
      currentAssignments: [derived('ga-1')],
    });
    expect(plan).toEqual({ toCreate: [], toEnd: [] });
  });

  it('given a removed member, then every current derived assignment in the group ends with reason membership.removed', () => {
    const plan = planMemberAssignments({
      membership: membership({ status: 'removed', version: 2 }),
      groupAssignments: [groupAssignment({ id: 'ga-1' })],
      currentAssignments: [derived('ga-1'), derived('ga-gone')],
    });
    expect(plan.toCreate).toEqual([]);
    expect(plan.toEnd.map((e) => [e.assignment.groupAssignmentId, e.reason])).toEqual([
      ['ga-1', 'membership.removed'],
      ['ga-gone', 'membership.removed'],
    ]);
  });

  it('given roles that changed, then the no longer matching end and the newly matching are planned', () => {
    const plan = planMemberAssignments({
      membership: membership({ roles: ['author'], version: 2 }),
      groupAssignments: [
        groupAssignment({ id: 'ga-learners', roles: ['learner'] }),
        groupAssignment({ id: 'ga-authors', roles: ['author'] }),
      ],
      currentAssignments: [derived('ga-learners')],
    });
    expect(plan.toCreate.map((ga) => ga.id)).toEqual(['ga-authors']);
    expect(plan.toEnd.map((e) => [e.assignment.groupAssignmentId, e.reason])).toEqual([
      ['ga-learners', 'membership.roles-changed'],
    ]);
  });

  it('given an active member whose assignment comes from a group assignment no longer current, then it is left to that group assignment', () => {
    const plan = planMemberAssignments({
      membership: membership(),
      groupAssignments: [],
      currentAssignments: [derived('ga-ended')],
    });
    expect(plan).toEqual({ toCreate: [], toEnd: [] });
  });
});

describe('derived assignments whose members are gone', () => {
  const of = (userId: string, membershipVersion = 1) =>
    derived('ga-1', { id: `a-${userId}`, menteeId: userId, membershipVersion });

  it('given members removed, with other roles or unknown, then their assignments end with the reason', () => {
    const gone = derivedNoLongerMatching(
      groupAssignment(),
      [of('u1'), of('u2'), of('u3'), of('u4')],
      [
        membership({ userId: 'u1' }),
        membership({ userId: 'u2', status: 'removed', version: 2 }),
        membership({ userId: 'u3', roles: ['author'], version: 2 }),
      ],
    );
    expect(gone.map(({ assignment, reason }) => [assignment.menteeId, reason])).toEqual([
      ['u2', 'membership.removed'],
      ['u3', 'membership.roles-changed'],
      ['u4', 'membership.removed'],
    ]);
  });

  it('given an assignment derived from a newer state than the membership read (removed, then added again), then it is kept', () => {
    const readBeforeTheReAdd = membership({ userId: 'u1', status: 'removed', version: 2 });
    expect(derivedNoLongerMatching(groupAssignment(), [of('u1', 3)], [readBeforeTheReAdd])).toEqual([]);
    expect(derivedNoLongerMatching(groupAssignment(), [of('u1', 1)], [readBeforeTheReAdd])).toHaveLength(1);
  });

  it('given a stale membership read, then the member handler keeps a newer derived assignment too', () => {
    const plan = planMemberAssignments({
      membership: membership({ userId: 'u1', status: 'removed', version: 2 }),
      groupAssignments: [groupAssignment()],
      currentAssignments: [of('u1', 3)],
    });
    expect(plan.toEnd).toEqual([]);
  });
});
