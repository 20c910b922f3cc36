import {
  countOutcomes,
  endGroupEnrollment,
  newGroupEnrollment,
  qualifies,
  recordPage,
  targetKey,
  type GroupEnrollment,
} from './group-enrollment';

const CREATED = new Date('2026-03-02T09:00:00.000Z');
const NOW = new Date('2026-03-02T09:05:00.000Z');

function aGroupEnrollment(): GroupEnrollment {
  return newGroupEnrollment(
    {
      tenantId: 't',
      groupId: 'g',
      target: { kind: 'course', courseId: 'c', sessionId: null },
      roles: ['learner', 'coach', 'learner'],
      createdBy: 'admin',
    },
    { id: 'ge', now: CREATED },
  );
}

describe('group enrollment (LE-G1)', () => {
  it('given a new one, then it is running from the first member, its roles once each, nothing counted', () => {
    expect(aGroupEnrollment()).toEqual({
      id: 'ge',
      tenantId: 't',
      groupId: 'g',
      target: { kind: 'course', courseId: 'c', sessionId: null },
      roles: ['coach', 'learner'],
      status: 'running',
      cursor: null,
      membersRead: 0,
      counts: { enrolled: 0, kept: 0, notEnrolled: 0 },
      joined: { enrolled: 0, kept: 0, notEnrolled: 0 },
      createdBy: 'admin',
      createdAt: CREATED,
      updatedAt: CREATED,
      endedAt: null,
      version: 1,
    });
  });

  it('given a member, then it qualifies when it holds one of the chosen roles', () => {
    const g = aGroupEnrollment();
    expect(qualifies(g, ['learner'])).toBe(true);
    expect(qualifies(g, ['author', 'coach'])).toBe(true);
    expect(qualifies(g, ['author'])).toBe(false);
    expect(qualifies(g, [])).toBe(false);
  });

  it('given pages recorded, then the cursor moves on, the counts add up, and the last page leaves it following', () => {
    const first = recordPage(
      aGroupEnrollment(),
      {
        membersRead: 3,
        lastUserId: 'u-3',
        outcomes: [
          { userId: 'u-1', outcome: 'enrolled' },
          { userId: 'u-2', outcome: 'kept' },
        ],
      },
      NOW,
    );
    expect(first).toMatchObject({
      status: 'running',
      cursor: 'u-3',
      membersRead: 3,
      version: 2,
      updatedAt: NOW,
    });
    const last = recordPage(
      first,
      {
        membersRead: 1,
        lastUserId: null,
        outcomes: [{ userId: 'u-4', outcome: 'not_enrolled', reason: 'x' }],
      },
      NOW,
    );
    expect(last).toMatchObject({
      status: 'following',
      cursor: 'u-3',
      membersRead: 4,
      counts: { enrolled: 1, kept: 1, notEnrolled: 1 },
      version: 3,
    });
  });

  it('given an ended one, then a page recorded keeps it ended, and ending again changes nothing', () => {
    const ended = endGroupEnrollment(aGroupEnrollment(), NOW) as GroupEnrollment;
    expect(ended).toMatchObject({ status: 'ended', endedAt: NOW, version: 2 });
    expect(endGroupEnrollment(ended, NOW)).toBeNull();
    expect(recordPage(ended, { membersRead: 0, lastUserId: null, outcomes: [] }, NOW).status).toBe('ended');
  });

  it('given targets, then a course and a plan of the same id have different keys', () => {
    expect(targetKey({ kind: 'course', courseId: 'x', sessionId: 's' })).toBe('course:x');
    expect(targetKey({ kind: 'plan', planId: 'x' })).toBe('plan:x');
    expect(countOutcomes([])).toEqual({ enrolled: 0, kept: 0, notEnrolled: 0 });
  });
});
