import { randomUUID } from 'node:crypto';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { newPlanEnrollment, withPlanState, type PlanEnrollment } from '../plans/domain/plan-enrollment';
import type { PlanEnrollmentRepository } from '../plans/ports/plan-enrollment.repository';
import { planEnrollmentEvent } from '../plans/use-cases/plan-enrollment-events';

const events = new EventFactory('learning');
const PAGE = { limit: 50 };

/** A repository under test, and the events stored with each plan enrollment it wrote (rule 1). */
export interface PlanEnrollmentRepositoryUnderTest {
  repository: PlanEnrollmentRepository;
  /** The entries stored with the plan enrollment `id`, in write order; nothing is published during a contract run. */
  outboxOf(id: string): Promise<OutboxEntry[]>;
}

/**
 * What every {@link PlanEnrollmentRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describePlanEnrollmentRepositoryContract(
  name: string,
  make: () => Promise<PlanEnrollmentRepositoryUnderTest> | PlanEnrollmentRepositoryUnderTest,
): void {
  describe(`${name} (plan enrollment repository contract)`, () => {
    let repository: PlanEnrollmentRepository;
    let outboxOf: PlanEnrollmentRepositoryUnderTest['outboxOf'];
    let tenantId: string;

    beforeEach(async () => {
      ({ repository, outboxOf } = await make());
      tenantId = `tenant-${randomUUID()}`;
    });

    /** A plan enrollment created at `minute` past 09:00 (its id sorts by creation). */
    function enrollmentAt(minute: number, options: Partial<PlanEnrollment> = {}): PlanEnrollment {
      const now = new Date(Date.UTC(2026, 2, 2, 9, minute));
      const enrollment = newPlanEnrollment(
        {
          tenantId,
          planId: randomUUID(),
          userId: randomUUID(),
          courseIds: [randomUUID(), randomUUID()],
          state: 'enrolled',
        },
        { id: newId(now), now },
      );
      return { ...enrollment, ...options };
    }

    const created = (e: PlanEnrollment) => planEnrollmentEvent(events, 'plan-enrollment.created', e, null);

    it('given a plan enrollment inserted with its event, then it reads back whole by plan and learner, within its tenant only', async () => {
      const enrollment = enrollmentAt(1, { state: 'in_progress' });
      const event = created(enrollment);

      expect(await repository.insert({ planEnrollment: enrollment, outbox: [event] })).toBe(true);

      expect(await repository.findOf(tenantId, enrollment.planId, enrollment.userId)).toEqual(enrollment);
      expect(
        await repository.findOf(`tenant-${randomUUID()}`, enrollment.planId, enrollment.userId),
      ).toBeNull();
      expect(await repository.findOf(tenantId, enrollment.planId, randomUUID())).toBeNull();
      expect(await outboxOf(enrollment.id)).toEqual([event]);
    });

    it('given a learner enrolled in a plan, when a second enrollment of the same plan and learner is inserted, then it is refused and nothing is written', async () => {
      const first = enrollmentAt(1);
      await repository.insert({ planEnrollment: first, outbox: [] });
      const second = enrollmentAt(2, { planId: first.planId, userId: first.userId, state: 'completed' });

      expect(await repository.insert({ planEnrollment: second, outbox: [created(second)] })).toBe(false);
      expect(await repository.findOf(tenantId, first.planId, first.userId)).toEqual(first);
      expect(await outboxOf(second.id)).toEqual([]);
      const elsewhere = enrollmentAt(3, {
        planId: first.planId,
        userId: first.userId,
        tenantId: `tenant-${randomUUID()}`,
      });
      expect(await repository.insert({ planEnrollment: elsewhere, outbox: [] })).toBe(true);
    });

    it("given plan enrollments stored in any order, then a plan's and a learner's list come back in creation order, a page at a time, and tell whether a plan has any", async () => {
      const plan = randomUUID();
      const learner = randomUUID();
      const all = [
        enrollmentAt(1, { planId: plan }),
        enrollmentAt(2, { userId: learner }),
        enrollmentAt(3, { planId: plan, userId: learner }),
        enrollmentAt(4, { planId: plan }),
      ] as const;
      for (const e of [all[3], all[0], all[2], all[1]])
        await repository.insert({ planEnrollment: e, outbox: [] });
      await repository.insert({
        planEnrollment: enrollmentAt(0, {
          planId: plan,
          userId: learner,
          tenantId: `tenant-${randomUUID()}`,
        }),
        outbox: [],
      });

      const first = await repository.listOfPlan(tenantId, plan, { limit: 2 });
      const rest = await repository.listOfPlan(tenantId, plan, {
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });
      expect(first).toEqual({ items: [all[0], all[2]], limit: 2, nextCursor: expect.any(String) });
      expect(rest).toEqual({ items: [all[3]], limit: 2, nextCursor: null });
      expect((await repository.listOfUser(tenantId, learner, PAGE)).items).toEqual([all[1], all[2]]);
      expect(await repository.anyOfPlan(tenantId, plan)).toBe(true);
      expect(await repository.anyOfPlan(tenantId, randomUUID())).toBe(false);
      expect(await repository.anyOfPlan(`tenant-${randomUUID()}`, all[1].planId)).toBe(false);
    });

    it('given the version read, then a save replaces the state with its events; at another version or in another tenant it writes nothing', async () => {
      const enrollment = enrollmentAt(1);
      await repository.insert({ planEnrollment: enrollment, outbox: [] });
      const moved = withPlanState(enrollment, 'in_progress', new Date('2026-03-03T09:00:00.000Z'));
      const event = planEnrollmentEvent(events, 'plan-enrollment.state-changed', moved, 'enrolled');

      expect(
        await repository.save(`tenant-${randomUUID()}`, { planEnrollment: moved, outbox: [event] }, 1),
      ).toBe(false);
      expect(await repository.save(tenantId, { planEnrollment: moved, outbox: [event] }, 2)).toBe(false);
      expect(await repository.findOf(tenantId, enrollment.planId, enrollment.userId)).toEqual(enrollment);
      expect(await repository.save(tenantId, { planEnrollment: moved, outbox: [event] }, 1)).toBe(true);
      expect(await repository.findOf(tenantId, enrollment.planId, enrollment.userId)).toEqual(moved);
      expect(await outboxOf(enrollment.id)).toEqual([event]);
    });
  });
}
