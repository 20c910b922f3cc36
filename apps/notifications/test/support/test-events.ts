import { randomUUID } from 'node:crypto';
import {
  AssignmentsStream,
  CourseRolesStream,
  EnrollmentsStream,
  type EnrollmentState,
  UsersStream,
  type UserState,
} from '@lms/contracts';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { ACCOUNT_DEFAULTS, uniqueSuffix } from '@lms/testing';
import { individualAssignmentPayload } from '../../src/testing/notifications-testbed';

/** A user as identity publishes it, with an address no other test uses. */
export interface TestPerson {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
}

export function aPerson(firstName: string, lastName: string, locale = 'en'): TestPerson {
  return {
    userId: randomUUID(),
    email: `${firstName.toLowerCase()}.${uniqueSuffix()}@int.example.test`,
    firstName,
    lastName,
    locale,
  };
}

/** The events identity and coaching publish about people of one tenant, as the tests need them. */
export class TestEvents {
  private readonly identity = new EventFactory('identity');
  private readonly coaching = new EventFactory('coaching');
  private readonly learning = new EventFactory('learning');

  constructor(readonly tenantId: string) {}

  /** In another tenant. */
  of(tenantId: string): TestEvents {
    return new TestEvents(tenantId);
  }

  userCreated(user: TestPerson): OutboxEntry {
    return this.userEvent('user.created', user, 1, 'active');
  }

  userUpdated(user: TestPerson, version: number, state: UserState): OutboxEntry {
    return this.userEvent('user.updated', user, version, state);
  }

  /** A current, individual assignment of `mentee` to `coaches`. */
  assignmentCreated(mentee: TestPerson, coaches: readonly TestPerson[]): OutboxEntry {
    const assignmentId = randomUUID();
    return this.coaching.create(AssignmentsStream, 'assignment.created', {
      tenantId: this.tenantId,
      aggregateId: assignmentId,
      aggregateVersion: 1,
      payload: individualAssignmentPayload(assignmentId, mentee, coaches),
    });
  }

  /** A new enrollment of `learner` in a course, in `state`. */
  enrollmentCreated(
    learner: TestPerson,
    course: { courseId: string; title: string },
    state: EnrollmentState,
  ): OutboxEntry {
    const enrollmentId = randomUUID();
    return this.learning.create(EnrollmentsStream, 'enrollment.created', {
      tenantId: this.tenantId,
      aggregateId: enrollmentId,
      aggregateVersion: 1,
      payload: {
        enrollmentId,
        courseId: course.courseId,
        courseTitle: course.title,
        userId: learner.userId,
        sessionId: null,
        state,
        previousState: null,
        updatedAt: new Date().toISOString(),
      },
    });
  }

  /** `user` was made a reviewer of a course. */
  reviewerGranted(
    user: TestPerson,
    course: { courseId: string; title: string },
    courseVersion = 2,
  ): OutboxEntry {
    return this.learning.create(CourseRolesStream, 'course-role.granted', {
      tenantId: this.tenantId,
      aggregateId: course.courseId,
      aggregateVersion: courseVersion,
      payload: {
        courseId: course.courseId,
        courseTitle: course.title,
        userId: user.userId,
        role: 'reviewer',
        changedAt: new Date().toISOString(),
      },
    });
  }

  private userEvent(
    type: 'user.created' | 'user.updated',
    user: TestPerson,
    version: number,
    state: UserState,
  ): OutboxEntry {
    return this.identity.create(UsersStream, type, {
      tenantId: this.tenantId,
      aggregateId: user.userId,
      aggregateVersion: version,
      payload: { ...user, ...ACCOUNT_DEFAULTS, state },
    });
  }
}
