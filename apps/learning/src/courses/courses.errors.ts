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

/**
 * LE-C2: administrators, power users and a course's author grant and revoke its roles and hand
 * its authorship on; a co-author grants and revokes co-authors and reviewers.
 */
export class CourseRoleForbiddenError extends DomainError {
  constructor(courseId: string) {
    super(
      'COURSE_ROLE.FORBIDDEN',
      'forbidden',
      "Administrators, power users and the course's author grant and revoke its roles and hand its authorship on; a co-author grants and revokes co-authors and reviewers; those who edit the course read its roles.",
      { courseId },
    );
  }
}

/** LE-C2: the author's role is handed on (`POST /v1/courses/{id}/author`), never granted or revoked. */
export class CourseRoleAuthorNotGrantableError extends BusinessRuleError {
  constructor(courseId: string) {
    super(
      'COURSE_ROLE.AUTHOR_NOT_GRANTABLE',
      "The author's role is not granted or revoked: hand the authorship on instead.",
      { courseId },
    );
  }
}

/** LE-C2: an archived course is history: its roles no longer change. */
export class CourseRoleCourseArchivedError extends ConflictError {
  constructor(courseId: string) {
    super('COURSE_ROLE.COURSE_ARCHIVED', 'The course is archived: its roles no longer change.', {
      courseId,
    });
  }
}

/** LE-C2 (seed 003): reviewers proofread a published course. */
export class CourseRoleReviewerNeedsPublishedError extends ConflictError {
  constructor(courseId: string) {
    super(
      'COURSE_ROLE.REVIEWER_NEEDS_PUBLISHED',
      'A reviewer is granted on a published course only: publish the course first.',
      { courseId },
    );
  }
}

/** LE-C2 (seed 003): to be a co-author, a user holds the author role in a group. */
export class CourseRoleCoAuthorNeedsAuthorRoleError extends BusinessRuleError {
  constructor(courseId: string, userId: string) {
    super(
      'COURSE_ROLE.CO_AUTHOR_NEEDS_AUTHOR_ROLE',
      'A co-author holds the author role in at least one group of the tenant: give the user that role first.',
      { courseId, userId },
    );
  }
}

/** LE-C2: a course keeps a bounded number of role entries. */
export class CourseRoleTooManyError extends BusinessRuleError {
  constructor(courseId: string, max: number) {
    super('COURSE_ROLE.TOO_MANY', `A course holds at most ${max} role entries: revoke one first.`, {
      courseId,
      max,
    });
  }
}
