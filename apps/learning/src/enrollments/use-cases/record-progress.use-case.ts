import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory, type OutboxEntry } from '@lms/messaging';
import { CLOCK, withOptimisticRetry, type Clock, type DomainError } from '@lms/kernel';
import type { Course } from '../../courses/domain/course';
import type { CourseActor } from '../../courses/domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import type { Enrollment } from '../domain/enrollment';
import {
  completeMaterial,
  openCourse,
  type NoAccess,
  type ProgressOutcome,
} from '../domain/enrollment-progress';
import {
  EnrollmentMaterialNotFoundError,
  EnrollmentNotFoundError,
  EnrollmentOverbookedError,
  EnrollmentSuspendedError,
  EnrollmentWaitingError,
} from '../enrollments.errors';
import { ENROLLMENT_REPOSITORY, type EnrollmentRepository } from '../ports/enrollment.repository';
import { enrollmentEvent, firstAccessEvent } from './enrollment-events';

/** A learner's step in one of its courses: opening it, or completing a material item. */
export interface RecordProgressCommand {
  tenantId: string;
  actor: CourseActor;
  courseId: string;
  step: { kind: 'open' } | { kind: 'complete_material'; index: number };
}

/** How many material items the course has, refusing an index past them. */
function materialCount(course: Course | null, courseId: string, index: number): number {
  const count = course?.material.length ?? 0;
  if (index >= count) throw new EnrollmentMaterialNotFoundError(courseId, index);
  return count;
}

/** The refusal of a learner without access to its course. */
function refused(refusal: NoAccess, courseId: string): DomainError {
  if (refusal === 'suspended') return new EnrollmentSuspendedError(courseId);
  if (refusal === 'overbooking') return new EnrollmentOverbookedError(courseId);
  return new EnrollmentWaitingError(courseId);
}

/**
 * LE-E1, LE-E4: the caller opens one of its courses (`enrolled` becomes `in_progress`) or
 * completes an item of its material (every item of an e-learning course: `completed`); waiting,
 * suspended and overbooked learners are refused, each with its code. A change of state writes
 * `enrollment.state-changed`, the first opening `course.first-accessed`, in the same write.
 */
@Injectable()
export class RecordProgressUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: RecordProgressCommand): Promise<Enrollment> {
    const { tenantId, actor, courseId, step } = command;
    return withOptimisticRetry<Enrollment>(async () => {
      const enrollment =
        actor.userId === null ? null : await this.enrollments.findOf(tenantId, courseId, actor.userId);
      if (!enrollment) throw new EnrollmentNotFoundError({ courseId });
      const now = this.clock.now();
      const course = await this.courses.findById(tenantId, courseId);
      const outcome: ProgressOutcome =
        step.kind === 'open'
          ? openCourse(enrollment, now)
          : completeMaterial(enrollment, step.index, materialCount(course, courseId, step.index), now);
      if (!outcome.ok) throw refused(outcome.refusal, courseId);
      if (!outcome.changed) return { outcome: 'written', value: enrollment };
      const next = outcome.enrollment;
      const outbox: OutboxEntry[] = [];
      if (next.state !== enrollment.state)
        outbox.push(
          enrollmentEvent(this.events, 'enrollment.state-changed', next, enrollment.state, course?.title),
        );
      if (outcome.firstAccess) outbox.push(firstAccessEvent(this.events, next, now));
      if (!(await this.enrollments.save(tenantId, { enrollment: next, outbox }, enrollment.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: next };
    });
  }
}
