import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { PlanEnrollment } from '../plans/domain/plan-enrollment';
import type {
  PlanEnrollmentRepository,
  PlanEnrollmentWithEvents,
} from '../plans/ports/plan-enrollment.repository';

/** Creation order, as the Mongo repository sorts: the ids are time-ordered. */
const IN_CREATION_ORDER: ReadonlyArray<MemorySortKey<PlanEnrollment>> = [['_id', (e) => e.id, 1]];

/**
 * The plan enrollment repository in memory, for unit tests: the same ordering, tenant scoping,
 * one enrollment per plan and learner, and compare-and-set as the Mongo one. It keeps the
 * events written with each plan enrollment, in write order.
 */
export class InMemoryPlanEnrollmentRepository implements PlanEnrollmentRepository {
  private readonly enrollments = new Map<string, PlanEnrollment>();
  private readonly outboxes = new Map<string, OutboxEntry[]>();

  /** Every event written with the plan enrollment `id`, in write order. */
  outboxOf(id: string): OutboxEntry[] {
    return structuredClone(this.outboxes.get(id) ?? []);
  }

  /** Every event written, in write order per plan enrollment. */
  allEvents(): OutboxEntry[] {
    return [...this.outboxes.values()].flat().map((entry) => structuredClone(entry));
  }

  async insert({ planEnrollment, outbox }: PlanEnrollmentWithEvents): Promise<boolean> {
    if (this.enrollments.has(planEnrollment.id))
      throw new Error(`duplicate plan enrollment id ${planEnrollment.id}`);
    if (await this.findOf(planEnrollment.tenantId, planEnrollment.planId, planEnrollment.userId))
      return false;
    this.enrollments.set(planEnrollment.id, structuredClone(planEnrollment));
    this.record(planEnrollment.id, outbox);
    return true;
  }

  async findOf(tenantId: string, planId: string, userId: string): Promise<PlanEnrollment | null> {
    const found = [...this.enrollments.values()].find(
      (e) => e.tenantId === tenantId && e.planId === planId && e.userId === userId,
    );
    return found ? structuredClone(found) : null;
  }

  async listOfPlan(tenantId: string, planId: string, page: PageRequest): Promise<Page<PlanEnrollment>> {
    return this.page((e) => e.tenantId === tenantId && e.planId === planId, page);
  }

  async listOfUser(tenantId: string, userId: string, page: PageRequest): Promise<Page<PlanEnrollment>> {
    return this.page((e) => e.tenantId === tenantId && e.userId === userId, page);
  }

  async anyOfPlan(tenantId: string, planId: string): Promise<boolean> {
    return [...this.enrollments.values()].some((e) => e.tenantId === tenantId && e.planId === planId);
  }

  async save(
    tenantId: string,
    { planEnrollment, outbox }: PlanEnrollmentWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const stored = this.enrollments.get(planEnrollment.id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    const { state, updatedAt, version } = planEnrollment;
    this.enrollments.set(stored.id, structuredClone({ ...stored, state, updatedAt, version }));
    this.record(stored.id, outbox);
    return true;
  }

  private page(keep: (e: PlanEnrollment) => boolean, page: PageRequest): Page<PlanEnrollment> {
    return structuredClone(slicePage([...this.enrollments.values()].filter(keep), page, IN_CREATION_ORDER));
  }

  private record(id: string, outbox: readonly OutboxEntry[]): void {
    this.outboxes.set(id, [
      ...(this.outboxes.get(id) ?? []),
      ...outbox.map((entry) => structuredClone(entry)),
    ]);
  }
}
