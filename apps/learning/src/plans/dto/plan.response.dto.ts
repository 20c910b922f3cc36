import type { Plan } from '../domain/plan';

/** A learning plan as the API shows it (LE-P1). */
export class PlanResponseDto {
  id!: string;
  title!: string;
  /** Null: none. */
  description!: string | null;
  /** Its courses, in the order the learner meets them. */
  courseIds!: string[];
  createdAt!: string;
  updatedAt!: string;
  /** Send it back in `If-Match` to change this version only. */
  version!: number;

  static from(plan: Plan): PlanResponseDto {
    return {
      id: plan.id,
      title: plan.title,
      description: plan.description,
      courseIds: [...plan.courseIds],
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
      version: plan.version,
    };
  }
}
