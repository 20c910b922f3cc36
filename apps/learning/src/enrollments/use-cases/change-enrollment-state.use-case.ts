import { Inject, Injectable } from '@nestjs/common';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import { withState, type Enrollment, type EnrollmentState } from '../domain/enrollment';
import { holdsSeat, manualMoveProblem } from '../domain/enrollment-states';
import {
  EnrollmentOverbookingNotAllowedError,
  EnrollmentSessionFullError,
  EnrollmentTransitionNotAllowedError,
} from '../enrollments.errors';
import { ENROLLMENT_REPOSITORY, type EnrollmentRepository } from '../ports/enrollment.repository';
import { courseTitleOf, enrollmentEvent } from './enrollment-events';
import { openEnrollmentToManage, type EnrollmentTarget } from './enrollment-target';
import { LearnerReaches } from './learner-reaches';
import { SessionSeatKeeper } from './session-seat-keeper';

export interface ChangeEnrollmentStateCommand extends EnrollmentTarget {
  state: EnrollmentState;
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
}

/**
 * LE-E1: an administrator (or a power user, within its scope: LE-E3) sets an enrollment's state by hand, as seed 004
 * allows: any state but the one held, overbooking for e-learning only. Into a state that
 * attends an instructor-led session it takes a seat first (409 `ENROLLMENT.SESSION_FULL`);
 * out of one it frees the seat for the oldest learner waiting. `enrollment.state-changed` is
 * written with the state.
 */
@Injectable()
export class ChangeEnrollmentStateUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    private readonly seats: SessionSeatKeeper,
    private readonly reaches: LearnerReaches,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ChangeEnrollmentStateCommand): Promise<Enrollment> {
    return withOptimisticRetry<Enrollment>(async () => {
      const enrollment = await openEnrollmentToManage(this.enrollments, this.reaches, command);
      assertExpectedVersion(command.expectedVersion, enrollment.version);
      const problem = manualMoveProblem(enrollment.courseKind, enrollment.state, command.state);
      if (problem === 'same_state')
        throw new EnrollmentTransitionNotAllowedError(enrollment.id, enrollment.state, command.state);
      if (problem === 'overbooking_on_ilt') throw new EnrollmentOverbookingNotAllowedError(enrollment.id);

      const seated = enrollment.sessionId !== null;
      const takesSeat = seated && holdsSeat(command.state) && !holdsSeat(enrollment.state);
      const leavesSeat = seated && holdsSeat(enrollment.state) && !holdsSeat(command.state);
      if (takesSeat && (await this.seats.claimFor(enrollment)) === 'full')
        throw new EnrollmentSessionFullError(enrollment.sessionId ?? '');

      const moved = withState(enrollment, command.state, this.clock.now());
      const title = await courseTitleOf(this.courses, enrollment);
      const outbox = [
        enrollmentEvent(this.events, 'enrollment.state-changed', moved, enrollment.state, title),
      ];
      if (
        !(await this.enrollments.save(command.tenantId, { enrollment: moved, outbox }, enrollment.version))
      ) {
        if (takesSeat) await this.seats.leave(enrollment);
        return { outcome: 'stale' };
      }
      if (leavesSeat) await this.seats.leave(moved);
      return { outcome: 'written', value: moved };
    });
  }
}
