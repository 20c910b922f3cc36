import type { Assignment } from './assignment';
import { newIndividualAssignment, type ChangeContext } from './assignment-lifecycle';
import { newGroupAssignment, type GroupAssignment } from './group-assignment';
import {
  deleteGroupAssignment,
  endGroupAssignment,
  followGroupAssignment,
  setGroupAssignmentActive,
} from './group-assignment-lifecycle';

const NOW = new Date('2025-03-10T09:00:00.000Z');
const CONTEXT: ChangeContext = { now: NOW, today: '2025-03-10' };

function groupAssignment(overrides: Partial<GroupAssignment> = {}): GroupAssignment {
  return {
    ...newGroupAssignment(
      {
        tenantId: 't',
        groupId: 'g',
        roles: ['learner'],
        coachIds: ['c'],
        dates: { startDate: '2025-03-01', endDate: null },
      },
      { id: 'ga', now: new Date('2025-03-01T00:00:00.000Z') },
    ),
    ...overrides,
  };
}

function derived(overrides: Partial<Assignment> = {}): Assignment {
  return {
    ...newIndividualAssignment(
      {
        tenantId: 't',
        menteeId: 'm',
        coachIds: ['c'],
        groupId: 'g',
        dates: { startDate: '2025-03-01', endDate: null },
      },
      { ...CONTEXT, id: 'a' },
    ),
    origin: 'group',
    groupAssignmentId: 'ga',
    ...overrides,
  };
}

describe('changing a group assignment', () => {
  it('given a change, then it is at its next version with a follow of that version pending from the start', () => {
    const change = setGroupAssignmentActive(
      groupAssignment({ follow: { status: 'done', version: 1, processed: 9, cursor: 'z' } }),
      false,
      CONTEXT,
    );
    expect(change).toMatchObject({
      outcome: 'changed',
      event: 'group-assignment.updated',
      groupAssignment: {
        active: false,
        version: 2,
        follow: { status: 'pending', version: 2, processed: 0, cursor: null },
      },
    });
  });

  it('given it is already so, then nothing; an ended one refuses every change but deletion', () => {
    expect(setGroupAssignmentActive(groupAssignment(), true, CONTEXT)).toEqual({ outcome: 'unchanged' });
    const ended = groupAssignment({ status: 'ended' });
    expect(endGroupAssignment(ended, CONTEXT)).toEqual({ outcome: 'refused', refusal: { rule: 'ended' } });
    expect(setGroupAssignmentActive(ended, false, CONTEXT)).toEqual({
      outcome: 'refused',
      refusal: { rule: 'ended' },
    });
    expect(deleteGroupAssignment(ended, 'DELETE', CONTEXT)).toMatchObject({
      outcome: 'changed',
      event: 'group-assignment.deleted',
    });
    expect(deleteGroupAssignment(ended, undefined, CONTEXT)).toEqual({
      outcome: 'refused',
      refusal: { rule: 'not-confirmed' },
    });
  });
});

describe('a derived assignment following its group assignment (CO-A11)', () => {
  it('given a deactivated group assignment, then the derived one is deactivated, once', () => {
    const change = followGroupAssignment(derived(), groupAssignment({ active: false }), CONTEXT);
    expect(change).toMatchObject({
      outcome: 'changed',
      event: 'assignment.updated',
      assignment: { active: false, version: 2 },
    });
    expect(
      followGroupAssignment(derived({ active: false }), groupAssignment({ active: false }), CONTEXT),
    ).toEqual({
      outcome: 'unchanged',
    });
  });

  it('given an ended group assignment, then the derived one ends for that reason; one already ended stays as it ended', () => {
    expect(followGroupAssignment(derived(), groupAssignment({ status: 'ended' }), CONTEXT)).toMatchObject({
      event: 'assignment.ended',
      assignment: { status: 'ended', endedAt: NOW, endReason: 'group-assignment.ended' },
    });
    const left = derived({ status: 'ended', endReason: 'membership.removed' });
    expect(followGroupAssignment(left, groupAssignment({ status: 'ended' }), CONTEXT)).toEqual({
      outcome: 'unchanged',
    });
    expect(followGroupAssignment(left, groupAssignment({ active: false }), CONTEXT)).toEqual({
      outcome: 'unchanged',
    });
  });

  it('given a deleted group assignment, then every derived one is deleted, an ended one too, once', () => {
    const gone = groupAssignment({ deletedAt: NOW });
    for (const assignment of [derived(), derived({ status: 'ended' })])
      expect(followGroupAssignment(assignment, gone, CONTEXT)).toMatchObject({
        event: 'assignment.deleted',
        assignment: { deletedAt: NOW },
      });
    expect(followGroupAssignment(derived({ deletedAt: NOW }), gone, CONTEXT)).toEqual({
      outcome: 'unchanged',
    });
  });
});
