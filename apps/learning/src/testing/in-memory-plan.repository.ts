import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { Plan } from '../plans/domain/plan';
import type { PlanRepository } from '../plans/ports/plan.repository';

/** Creation order, as the Mongo repository sorts: the ids are time-ordered. */
const IN_CREATION_ORDER: ReadonlyArray<MemorySortKey<Plan>> = [['_id', (p) => p.id, 1]];

/** The plan repository in memory, for unit tests: the same ordering, tenant scoping and compare-and-set as the Mongo one. */
export class InMemoryPlanRepository implements PlanRepository {
  private readonly plans = new Map<string, Plan>();

  async insert(plan: Plan): Promise<void> {
    if (this.plans.has(plan.id)) throw new Error(`duplicate plan id ${plan.id}`);
    this.plans.set(plan.id, structuredClone(plan));
  }

  async findById(tenantId: string, id: string): Promise<Plan | null> {
    const found = this.plans.get(id);
    return found && found.tenantId === tenantId ? structuredClone(found) : null;
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<Plan>> {
    const matching = [...this.plans.values()].filter((p) => p.tenantId === tenantId);
    return structuredClone(slicePage(matching, page, IN_CREATION_ORDER));
  }

  async save(tenantId: string, changed: Plan, expectedVersion: number): Promise<boolean> {
    const stored = this.plans.get(changed.id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    this.plans.set(changed.id, structuredClone({ ...changed, tenantId, createdAt: stored.createdAt }));
    return true;
  }

  async delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
    const stored = this.plans.get(id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    this.plans.delete(id);
    return true;
  }
}
