import { BusinessRuleError, ConflictError, DomainError, NotFoundError } from '@lms/kernel';
import type { CourseState } from './domain/course';

export class CourseNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('COURSE.NOT_FOUND', `Course ${id} does not exist.`, { courseId: id });
  }
}

/**
 * LE-C1: administrators and power users create and edit any course, its author its own;
 * anyone else reads the catalog's courses only.
 */
export class CourseForbiddenError extends DomainError {
  constructor(courseId?: string) {
    super(
      'COURSE.FORBIDDEN',
      'forbidden',
      'Only administrators and power users create and edit courses, and the author its own; other users read the published courses of their catalog.',
      courseId === undefined ? undefined : { courseId },
    );
  }
}

/** Course details breaking their rules (the HTTP body is checked before). */
export class CourseInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('COURSE.INVALID', `The course is not valid: ${reason}.`, { reason });
  }
}

/** LE-E2: overbooking is for e-learning courses only. */
export class CourseOverbookingNotAllowedError extends BusinessRuleError {
  constructor() {
    super(
      'COURSE.OVERBOOKING_NOT_ALLOWED',
      'Overbooking is for e-learning courses only: an instructor-led course fills its sessions up to their capacity.',
    );
  }
}

/** LE-C1: draft → published → archived, nothing else. */
export class CourseTransitionNotAllowedError extends ConflictError {
  constructor(courseId: string, from: CourseState, to: CourseState) {
    super(
      'COURSE.TRANSITION_NOT_ALLOWED',
      `A ${from} course cannot become ${to}: a draft is published, a published course archived.`,
      { courseId, from, to },
    );
  }
}

/** Only a draft is deleted: a published course is archived instead, an archived one kept. */
export class CourseNotDraftError extends ConflictError {
  constructor(courseId: string, state: CourseState) {
    super(
      'COURSE.NOT_DRAFT',
      `Only a draft course is deleted; this one is ${state}: archive a published course instead.`,
      { courseId, state },
    );
  }
}

/** An archived course is history: its details and sessions no longer change. */
export class CourseArchivedError extends ConflictError {
  constructor(courseId: string) {
    super('COURSE.ARCHIVED', 'The course is archived: it no longer changes.', { courseId });
  }
}

export class SessionNotFoundError extends NotFoundError {
  constructor(courseId: string, sessionId: string) {
    super('SESSION.NOT_FOUND', `Session ${sessionId} of course ${courseId} does not exist.`, {
      courseId,
      sessionId,
    });
  }
}

/** LE-C1: sessions are for instructor-led courses only. */
export class SessionCourseNotIltError extends BusinessRuleError {
  constructor(courseId: string) {
    super(
      'SESSION.COURSE_NOT_ILT',
      'Sessions are for instructor-led (ilt) courses only; this course is e-learning.',
      { courseId },
    );
  }
}

/** A session breaking its rules (the HTTP body is checked before). */
export class SessionInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('SESSION.INVALID', `The session is not valid: ${reason}.`, { reason });
  }
}
