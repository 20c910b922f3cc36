import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import { withoutUser } from '../domain/course-roles';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { courseRoleEventsOf } from './course-role-events';

/** One account deleted in identity. */
export interface DeletedUser {
  tenantId: string;
  userId: string;
}

/** How many of a user's courses are read at a time. */
const COURSES_PER_READ = 100;

/**
 * LE-C2 (seed 003: "when an Author's account is deleted, their courses are still visible and
 * editable"): the courses of deleted accounts stay; each one's authorship is left to nobody
 * (`authorId` null) and every role the account held is revoked, with `course-role.revoked`
 * in the same write. Idempotent: a redelivered deletion finds nothing left to change.
 */
@Injectable()
export class ReleaseRolesOfDeletedUsersUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(deleted: readonly DeletedUser[]): Promise<void> {
    for (const user of deleted) await this.release(user);
  }

  private async release({ tenantId, userId }: DeletedUser): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await this.courses.listWithUser(tenantId, userId, { limit: COURSES_PER_READ, cursor });
      for (const { id } of page.items) await this.releaseIn(tenantId, id, userId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }

  private releaseIn(tenantId: string, courseId: string, userId: string): Promise<void> {
    return withOptimisticRetry<void>(async () => {
      const course = await this.courses.findById(tenantId, courseId);
      const released = course && withoutUser(course, userId, this.clock.now());
      if (!course || !released) return { outcome: 'written', value: undefined };
      const outbox = courseRoleEventsOf(
        this.events,
        released.course,
        released.lost.map((role) => ({ type: 'course-role.revoked', userId, role })),
      );
      if (!(await this.courses.save(tenantId, { course: released.course, outbox }, course.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: undefined };
    });
  }
}
