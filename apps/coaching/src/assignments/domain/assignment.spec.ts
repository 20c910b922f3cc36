import type { Membership } from '../../memberships/domain/membership';
import { assignmentState, deriveAssignment, endAssignment } from './assignment';
import type { GroupAssignment } from './group-assignment';

const NOW = new Date('2025-03-10T09:00:00.000Z');

const groupAssignment: GroupAssignment = {
  id: '0195792b-0000-7000-8000-000000000001',
  tenantId: 't',
  groupId: '0195792b-0000-7000-8000-0000000000aa',
  roles: ['learner'],
  coachIds: ['0195792b-0000-7000-8000-0000000000c1'],
  startDate: '2025-02-01',
  endDate: '2025-12-31',
  status: 'current',
  active: true,
  fanOut: { status: 'pending', processed: 0, cursor: null, pendingUntil: null, completedAt: null },
  follow: { status: 'done', version: 1, processed: 0, cursor: null },
  createdAt: new Date('2025-03-01T10:00:00.000Z'),
  updatedAt: new Date('2025-03-01T10:00:00.000Z'),
  deletedAt: null,
  version: 1,
};

function member(rolesSince: Date): Membership {
  return {
    tenantId: 't',
    groupId: groupAssignment.groupId,
    userId: '0195792b-0000-7000-8000-0000000000b1',
    roles: ['learner'],
    status: 'active',
    version: 1,
    rolesSince,
    roleSince: {},
    updatedAt: rolesSince,
  };
}

describe('deriving the assignment of a member', () => {
  it('given a member who held a matching role before the group assignment and took on another after it, then it starts with its peers', () => {
    const since = new Date('2025-01-05T00:00:00.000Z');
    const changedLater = new Date('2025-03-05T00:00:00.000Z');
    const learnerThenReviewer: Membership = {
      ...member(changedLater),
      roles: ['learner', 'reviewer'],
      roleSince: { learner: since, reviewer: changedLater },
    };
    expect(deriveAssignment(groupAssignment, learnerThenReviewer, { id: 'a1', now: NOW })?.startDate).toBe(
      '2025-02-01',
    );
    const reviewerOnlyBefore: Membership = {
      ...learnerThenReviewer,
      roleSince: { learner: changedLater, reviewer: since },
    };
    expect(deriveAssignment(groupAssignment, reviewerOnlyBefore, { id: 'a1', now: NOW })?.startDate).toBe(
      '2025-03-05',
    );
  });

  it('given a member there when the group assignment was made, then it is coached from the group assignment start (backdated too)', () => {
    const assignment = deriveAssignment(groupAssignment, member(new Date('2025-01-05T00:00:00.000Z')), {
      id: 'a1',
      now: NOW,
    });
    expect(assignment).toEqual({
      id: 'a1',
      tenantId: 't',
      menteeId: '0195792b-0000-7000-8000-0000000000b1',
      coachIds: ['0195792b-0000-7000-8000-0000000000c1'],
      origin: 'group',
      groupAssignmentId: groupAssignment.id,
      groupId: groupAssignment.groupId,
      startDate: '2025-02-01',
      endDate: '2025-12-31',
      status: 'current',
      active: true,
      createdAt: NOW,
      updatedAt: NOW,
      endedAt: null,
      endReason: null,
      deletedAt: null,
      membershipVersion: 1,
      lastInteractionAt: null,
      expiryNoticeSentFor: null,
      version: 1,
    });
  });

  it('given a member who took on the role later, then it is coached from that day', () => {
    expect(
      deriveAssignment(groupAssignment, member(new Date('2025-03-08T17:00:00.000Z')), { id: 'a1', now: NOW })
        ?.startDate,
    ).toBe('2025-03-08');
  });

  it('given a member who joined later but before a future start, then it is coached from the start', () => {
    const future = { ...groupAssignment, startDate: '2025-06-01' };
    expect(
      deriveAssignment(future, member(new Date('2025-03-08T17:00:00.000Z')), { id: 'a1', now: NOW })
        ?.startDate,
    ).toBe('2025-06-01');
  });

  it('given a member who joins after the end date, then there is nothing to derive', () => {
    expect(
      deriveAssignment(groupAssignment, member(new Date('2026-01-02T00:00:00.000Z')), { id: 'a1', now: NOW }),
    ).toBeNull();
  });
});

describe('ending an assignment', () => {
  it('given a current assignment, when ended, then it keeps its history and says when and why', () => {
    const assignment = deriveAssignment(groupAssignment, member(new Date('2025-01-05T00:00:00.000Z')), {
      id: 'a1',
      now: NOW,
    });
    const later = new Date('2025-04-01T08:00:00.000Z');
    const ended = endAssignment(assignment!, { now: later, reason: 'membership.removed' });
    expect(ended).toMatchObject({
      status: 'ended',
      startDate: '2025-02-01',
      endDate: '2025-12-31',
      endedAt: later,
      endReason: 'membership.removed',
      version: 2,
    });
    expect(assignmentState(ended)).toMatchObject({ assignmentId: 'a1', status: 'ended', origin: 'group' });
  });
});
