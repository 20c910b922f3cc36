import { Inject, Injectable } from '@nestjs/common';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import type { Enrollment } from '../domain/enrollment';
import { ENROLLMENT_REPOSITORY, type EnrollmentRepository } from '../ports/enrollment.repository';
import { courseTitleOf, enrollmentEvent } from './enrollment-events';
import { openEnrollmentToRead, type EnrollmentTarget } from './enrollment-target';
import { LearnerReaches } from './learner-reaches';
import { SessionSeatKeeper } from './session-seat-keeper';

export interface DeleteEnrollmentCommand extends EnrollmentTarget {
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
}

/**
 * LE-E1: unenrolls a learner (by those who manage enrollments, a power user of its scope or its
 * manager (LE-E3), or the learner itself), with
 * `enrollment.deleted` carrying its last state. A seat of an instructor-led session it held
 * goes to the oldest learner waiting for it (LE-E2). The learner may enroll again.
 */
@Injectable()
export class DeleteEnrollmentUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    private readonly seats: SessionSeatKeeper,
    private readonly reaches: LearnerReaches,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: DeleteEnrollmentCommand): Promise<void> {
    const left = await withOptimisticRetry<Enrollment>(async () => {
      const enrollment = await openEnrollmentToRead(this.enrollments, this.reaches, command);
      assertExpectedVersion(command.expectedVersion, enrollment.version);
      const last = { ...enrollment, updatedAt: this.clock.now(), version: enrollment.version + 1 };
      const title = await courseTitleOf(this.courses, enrollment);
      const outbox = [enrollmentEvent(this.events, 'enrollment.deleted', last, enrollment.state, title)];
      if (
        !(await this.enrollments.delete(command.tenantId, { enrollment: last, outbox }, enrollment.version))
      )
        return { outcome: 'stale' };
      return { outcome: 'written', value: last };
    });
    await this.seats.leave(left);
  }
}
