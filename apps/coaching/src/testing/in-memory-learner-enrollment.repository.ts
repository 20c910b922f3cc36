import { foldNewestState } from '@lms/kernel';
import {
  learnerEnrollmentKey,
  type LearnerCourse,
  type LearnerEnrollment,
  type LearnerEnrollmentChange,
} from '../enrollments/domain/learner-enrollment';
import type { LearnerEnrollmentRepository } from '../enrollments/ports/learner-enrollment.repository';
import type { ProjectionOutcome } from '../shared/projection-outcome';

/** The projection of learning's enrollments in memory, with the same version rule as the Mongo one. */
export class InMemoryLearnerEnrollmentRepository implements LearnerEnrollmentRepository {
  private readonly rows = new Map<string, LearnerEnrollment>();

  async applyMany(changes: readonly LearnerEnrollmentChange[]): Promise<ProjectionOutcome[]> {
    const outcomes: ProjectionOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) => {
      const key = learnerEnrollmentKey(change.tenantId, change.enrollmentId);
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    for (const [key, indexes] of byKey) {
      const { newer, write } = foldNewestState(
        this.rows.get(key)?.version ?? null,
        indexes.map((i) => changes[i] as LearnerEnrollmentChange),
      );
      indexes.forEach((i, n) => (outcomes[i] = newer[n] ? 'applied' : 'stale'));
      if (write) this.rows.set(key, structuredClone(write));
    }
    return outcomes;
  }

  async findLive(tenantId: string, pairs: readonly LearnerCourse[]): Promise<LearnerEnrollment[]> {
    const wanted = new Set(pairs.map((pair) => `${pair.userId}\u0000${pair.courseId}`));
    return [...this.rows.values()]
      .filter(
        (row) => row.tenantId === tenantId && row.live && wanted.has(`${row.userId}\u0000${row.courseId}`),
      )
      .map((row) => structuredClone(row));
  }
}
