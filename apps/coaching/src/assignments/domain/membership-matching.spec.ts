import type { Membership } from '../../memberships/domain/membership';
import type { Assignment } from './assignment';
import type { GroupAssignment } from './group-assignment';
import { membersNoLongerMatching, membershipMatches, planMemberAssignments } from './membership-matching';

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
    fanOut: { status: 'done', processed: 0, cursor: null, completedAt: null },
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
      membership: membership({ status: 'removed' }),
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
      membership: membership({ roles: ['author'] }),
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

describe('members gone while a fan-out chunk was written', () => {
  it('given members removed or with other roles meanwhile, then they are reported with the reason', () => {
    const gone = membersNoLongerMatching(
      groupAssignment(),
      ['u1', 'u2', 'u3', 'u4'],
      [
        membership({ userId: 'u1' }),
        membership({ userId: 'u2', status: 'removed' }),
        membership({ userId: 'u3', roles: ['author'] }),
      ],
    );
    expect([...gone]).toEqual([
      ['u2', 'membership.removed'],
      ['u3', 'membership.roles-changed'],
      ['u4', 'membership.removed'],
    ]);
  });
});
