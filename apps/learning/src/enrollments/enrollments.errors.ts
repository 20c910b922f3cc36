import { BusinessRuleError, ConflictError, DomainError, NotFoundError } from '@lms/kernel';
import type { EnrollmentState } from './domain/enrollment';

export class EnrollmentNotFoundError extends NotFoundError {
  constructor(details: Record<string, string>) {
    super('ENROLLMENT.NOT_FOUND', 'No such enrollment.', details);
  }
}

/** LE-E1: one enrollment per course and learner. */
export class EnrollmentAlreadyExistsError extends ConflictError {
  constructor(courseId: string, userId: string) {
    super('ENROLLMENT.ALREADY_EXISTS', 'The learner is enrolled in this course already.', {
      courseId,
      userId,
    });
  }
}

/**
 * LE-E3: administrators manage every enrollment; a power user those of the members of its
 * scope when its profile holds `enrollments.manage`; a manager enrolls its managees; a learner
 * enrolls itself in a course of its catalog and reads its own.
 */
export class EnrollmentForbiddenError extends DomainError {
  constructor(details?: Record<string, string>) {
    super(
      'ENROLLMENT.FORBIDDEN',
      'forbidden',
      'Administrators manage enrollments, power users those of the members of their scope (with enrollments.manage), managers enroll their managees; a learner enrolls itself in a published course of its catalog and reads its own enrollments.',
      details,
    );
  }
}

/** Only a published course takes enrollments. */
export class EnrollmentCourseNotPublishedError extends ConflictError {
  constructor(courseId: string) {
    super('ENROLLMENT.COURSE_NOT_PUBLISHED', 'Only a published course takes enrollments.', { courseId });
  }
}

/** An instructor-led course is attended in one of its sessions. */
export class EnrollmentSessionRequiredError extends BusinessRuleError {
  constructor(courseId: string) {
    super(
      'ENROLLMENT.SESSION_REQUIRED',
      'An instructor-led course is enrolled in one of its sessions: give its sessionId.',
      { courseId },
    );
  }
}

/** An e-learning course has no sessions. */
export class EnrollmentSessionNotAllowedError extends BusinessRuleError {
  constructor(courseId: string) {
    super('ENROLLMENT.SESSION_NOT_ALLOWED', 'An e-learning course has no sessions: leave sessionId out.', {
      courseId,
    });
  }
}

/** LE-E1: a move an administrator cannot make (the state held already). */
export class EnrollmentTransitionNotAllowedError extends ConflictError {
  constructor(enrollmentId: string, from: EnrollmentState, to: EnrollmentState) {
    super('ENROLLMENT.TRANSITION_NOT_ALLOWED', `The enrollment is ${from} already.`, {
      enrollmentId,
      from,
      to,
    });
  }
}

/** Seed 004: overbooking exists for e-learning courses only. */
export class EnrollmentOverbookingNotAllowedError extends BusinessRuleError {
  constructor(enrollmentId: string) {
    super(
      'ENROLLMENT.OVERBOOKING_NOT_ALLOWED',
      'Overbooking is for e-learning courses only: an instructor-led session fills up to its capacity and then has learners waiting.',
      { enrollmentId },
    );
  }
}

/** LE-E2: every seat of the session is taken. */
export class EnrollmentSessionFullError extends ConflictError {
  constructor(sessionId: string) {
    super(
      'ENROLLMENT.SESSION_FULL',
      'Every seat of the session is taken: the learner stays waiting until one frees.',
      { sessionId },
    );
  }
}

/** Seed 004: a waiting learner sees the waiting page, not the course. */
export class EnrollmentWaitingError extends ConflictError {
  constructor(courseId: string) {
    super(
      'ENROLLMENT.WAITING',
      'The enrollment waits for an approval or a seat: the course opens once it is confirmed.',
      { courseId },
    );
  }
}

/** Seed 004: a suspended learner has no access to the course. */
export class EnrollmentSuspendedError extends ConflictError {
  constructor(courseId: string) {
    super('ENROLLMENT.SUSPENDED', 'The enrollment is suspended: the course is closed to the learner.', {
      courseId,
    });
  }
}

/** Seed 004: an overbooked learner is enrolled but has no access. */
export class EnrollmentOverbookedError extends ConflictError {
  constructor(courseId: string) {
    super(
      'ENROLLMENT.OVERBOOKED',
      'The enrollment is in overbooking: the course is not open to the learner.',
      {
        courseId,
      },
    );
  }
}

/** The course has no material item at this index. */
export class EnrollmentMaterialNotFoundError extends NotFoundError {
  constructor(courseId: string, index: number) {
    super('ENROLLMENT.MATERIAL_NOT_FOUND', `The course has no material item ${index}.`, {
      courseId,
      index,
    });
  }
}

/** LE-C2: attendance is marked in the sessions of instructor-led courses only. */
export class EnrollmentNotIltError extends BusinessRuleError {
  constructor(enrollmentId: string) {
    super(
      'ENROLLMENT.NOT_ILT',
      'Attendance is marked in instructor-led courses only: an e-learning course is completed by its material.',
      { enrollmentId },
    );
  }
}

/** Seed 004: waiting, to be confirmed and suspended learners do not attend their session. */
export class EnrollmentCannotAttendError extends ConflictError {
  constructor(enrollmentId: string, state: EnrollmentState) {
    super(
      'ENROLLMENT.CANNOT_ATTEND',
      `The learner is ${state}: it does not attend the session, so no attendance is marked.`,
      { enrollmentId, state },
    );
  }
}

/** Attendance is marked from the session's start on. */
export class EnrollmentSessionNotStartedError extends ConflictError {
  constructor(sessionId: string, startsAt: Date) {
    super(
      'ENROLLMENT.SESSION_NOT_STARTED',
      'The session has not started yet: its attendance is marked from its start on.',
      { sessionId, startsAt: startsAt.toISOString() },
    );
  }
}

/** An attendance mark breaking its rules (the HTTP body is checked before). */
export class EnrollmentAttendanceInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('ENROLLMENT.ATTENDANCE_INVALID', `The attendance is not valid: ${reason}.`, { reason });
  }
}
