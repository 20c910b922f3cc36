import { randomUUID } from 'node:crypto';
import { newId } from '@lms/kernel';
import { editPlan, newPlan, type Plan } from '../plans/domain/plan';
import type { PlanRepository } from '../plans/ports/plan.repository';

/**
 * What every {@link PlanRepository} guarantees, run against the in-memory fake (unit) and the
 * Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describePlanRepositoryContract(
  name: string,
  make: () => Promise<PlanRepository> | PlanRepository,
): void {
  describe(`${name} (plan repository contract)`, () => {
    let repository: PlanRepository;
    let tenantId: string;

    beforeEach(async () => {
      repository = await make();
      tenantId = `tenant-${randomUUID()}`;
    });

    /** A plan created at `minute` past 09:00 (its id sorts by creation). */
    function planAt(minute: number, options: Partial<Plan> = {}): Plan {
      const now = new Date(Date.UTC(2026, 2, 2, 9, minute));
      const details = { title: `Plan ${minute}`, description: null, courseIds: [randomUUID(), randomUUID()] };
      return { ...newPlan(tenantId, details, { id: newId(now), now }), ...options };
    }

    it('given a plan inserted, then it reads back whole by id, within its tenant only', async () => {
      const plan = planAt(1, { description: 'Three courses' });

      await repository.insert(plan);

      expect(await repository.findById(tenantId, plan.id)).toEqual(plan);
      expect(await repository.findById(`tenant-${randomUUID()}`, plan.id)).toBeNull();
      expect(await repository.findById(tenantId, newId())).toBeNull();
    });

    it('given plans stored in any order, when listed, then they come back in creation order, a page at a time, of their tenant only', async () => {
      const all = [planAt(1), planAt(2), planAt(3)] as const;
      for (const plan of [all[2], all[0], all[1]]) await repository.insert(plan);
      await repository.insert({ ...planAt(0), tenantId: `tenant-${randomUUID()}` });

      const first = await repository.list(tenantId, { limit: 2 });
      const rest = await repository.list(tenantId, { limit: 2, cursor: first.nextCursor ?? undefined });

      expect(first).toEqual({ items: all.slice(0, 2), limit: 2, nextCursor: expect.any(String) });
      expect(rest).toEqual({ items: all.slice(2), limit: 2, nextCursor: null });
    });

    it('given the version read, then a save replaces the plan; at another version or in another tenant it writes nothing', async () => {
      const plan = planAt(1);
      await repository.insert(plan);
      const edited = editPlan(
        plan,
        { title: 'Renamed', description: 'Now described', courseIds: [plan.courseIds[1] as string] },
        new Date('2026-03-03T09:00:00.000Z'),
      );

      expect(await repository.save(`tenant-${randomUUID()}`, edited, 1)).toBe(false);
      expect(await repository.save(tenantId, edited, 2)).toBe(false);
      expect(await repository.findById(tenantId, plan.id)).toEqual(plan);
      expect(await repository.save(tenantId, edited, 1)).toBe(true);
      expect(await repository.findById(tenantId, plan.id)).toEqual(edited);
    });

    it('given the version read, then a delete removes the plan; at another version or in another tenant it deletes nothing', async () => {
      const plan = planAt(1);
      await repository.insert(plan);

      expect(await repository.delete(`tenant-${randomUUID()}`, plan.id, 1)).toBe(false);
      expect(await repository.delete(tenantId, plan.id, 2)).toBe(false);
      expect(await repository.findById(tenantId, plan.id)).toEqual(plan);
      expect(await repository.delete(tenantId, plan.id, 1)).toBe(true);
      expect(await repository.findById(tenantId, plan.id)).toBeNull();
    });
  });
}
