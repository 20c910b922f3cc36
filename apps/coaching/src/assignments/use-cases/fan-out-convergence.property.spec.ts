import fc from 'fast-check';
import type { GroupRole } from '@lms/contracts';
import {
  buildCoachingTestbed,
  orderedIds,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';

const [GROUP, COACH, ...USERS] = orderedIds(7);

/** What may happen to one member: identity's events, in any order with the fan-out's steps. */
type MemberChange = { kind: 'add' | 'roles'; roles: GroupRole[] } | { kind: 'remove' };

type Step =
  | { step: 'event'; user: number; change: MemberChange }
  | { step: 'chunk'; fault: 'none' | 'before-write' | 'after-write' | 'before-progress' }
  | { step: 'chunk-with-event-meanwhile'; user: number; change: MemberChange };

const roles = fc.constantFrom<GroupRole[]>(['learner'], ['author'], ['learner', 'reviewer'], ['reviewer']);
const change: fc.Arbitrary<MemberChange> = fc.oneof(
  roles.map((r): MemberChange => ({ kind: 'add', roles: r })),
  roles.map((r): MemberChange => ({ kind: 'roles', roles: r })),
  fc.constant<MemberChange>({ kind: 'remove' }),
);
const user = fc.integer({ min: 0, max: USERS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ step: fc.constant('event' as const), user, change }),
  fc.record({
    step: fc.constant('chunk' as const),
    fault: fc.constantFrom(
      'none' as const,
      'before-write' as const,
      'after-write' as const,
      'before-progress' as const,
    ),
  }),
  fc.record({ step: fc.constant('chunk-with-event-meanwhile' as const), user, change }),
);

/** Identity's side: each member's membership, at its own version, as its events tell it. */
class Identity {
  private readonly versions = new Map<string, number>();
  readonly state = new Map<string, { status: 'active' | 'removed'; roles: GroupRole[] }>();

  constructor(private readonly t: CoachingTestbed) {}

  async apply(userIndex: number, memberChange: MemberChange): Promise<void> {
    const userId = USERS[userIndex];
    const version = (this.versions.get(userId) ?? 0) + 1;
    this.versions.set(userId, version);
    const before = this.state.get(userId);
    const next =
      memberChange.kind === 'remove'
        ? { status: 'removed' as const, roles: before?.roles ?? ['learner'] }
        : { status: 'active' as const, roles: memberChange.roles };
    this.state.set(userId, next);
    await this.t.membershipEvent(GROUP, userId, {
      status: next.status,
      roles: memberChange.kind === 'remove' ? null : next.roles,
      version,
    });
  }

  /** Who the group assignment (learners) should coach now. */
  matching(): string[] {
    return [...this.state]
      .filter(([, m]) => m.status === 'active' && m.roles.includes('learner'))
      .map(([userId]) => userId)
      .sort();
  }
}

describe('the fan-out and membership events converge (CO-A11)', () => {
  it('given any interleaving of adds, removals, re-adds, role changes and fan-out chunks with crashes, then the derived assignments end up matching the memberships, one each', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(user, change), { maxLength: 4 }),
        async (steps, initial) => {
          const t = buildCoachingTestbed({ fanOutChunkSize: 2 });
          const identity = new Identity(t);
          for (const [userIndex, memberChange] of initial) await identity.apply(userIndex, memberChange);
          const groupAssignment = await t.createGroupAssignment.execute({
            tenantId: TENANT,
            groupId: GROUP,
            roles: ['learner'],
            coachIds: [COACH],
          });
          const command = { tenantId: TENANT, groupAssignmentId: groupAssignment.id };

          for (const s of steps) {
            if (s.step === 'event') await identity.apply(s.user, s.change);
            else if (s.step === 'chunk-with-event-meanwhile') {
              let happened = false;
              t.assignments.duringNextInsert(async () => {
                happened = true;
                await identity.apply(s.user, s.change);
              });
              await t.runFanOut.runChunk(command);
              t.assignments.disarm();
              // A chunk with nothing to write: the event comes after it.
              if (!happened) await identity.apply(s.user, s.change);
            } else {
              if (s.fault === 'before-write') t.assignments.failNextInsert();
              if (s.fault === 'after-write') t.assignments.failAfterNextInsert();
              if (s.fault === 'before-progress') t.groupAssignments.failNextProgressSave();
              await t.runFanOut.runChunk(command).catch(() => undefined);
              // A fault the chunk did not reach is not left for the membership handler.
              t.assignments.disarm();
              t.groupAssignments.failNextProgressSave(0);
            }
          }
          // The job runs the fan-out to its end; every event has been delivered.
          await t.runFanOut.execute(command);

          const current = (
            await t.listAssignments.execute({
              tenantId: TENANT,
              filter: { groupAssignmentId: groupAssignment.id, status: 'current' },
              page: { limit: 200 },
            })
          ).items.map((assignment) => assignment.menteeId);
          expect([...current].sort()).toEqual(identity.matching());
        },
      ),
      { numRuns: 300 },
    );
  });
});
