import { Inject, Injectable } from '@nestjs/common';
import type { SessionAudience } from '../../deliveries/domain/course-session-deliveries';
import {
  COURSE_INSTRUCTOR_REPOSITORY,
  type CourseInstructorRepository,
} from '../ports/course-instructor.repository';
import {
  SESSION_ATTENDANCE_REPOSITORY,
  type SessionAttendanceRepository,
} from '../ports/session-attendance.repository';

/** A session whose mails are to be addressed. */
export interface SessionRef {
  tenantId: string;
  sessionId: string;
  courseId: string;
}

/** The key of a session's audience in the map {@link SessionAudiences.of} answers. */
export function audienceKey(session: Pick<SessionRef, 'tenantId' | 'sessionId'>): string {
  return `${session.tenantId}:${session.sessionId}`;
}

/**
 * Who a session's mails go to (NO-1): the learners attending it and the instructors of its
 * course, as notifications' projections know them now; one read of each per tenant.
 */
@Injectable()
export class SessionAudiences {
  constructor(
    @Inject(SESSION_ATTENDANCE_REPOSITORY) private readonly attendances: SessionAttendanceRepository,
    @Inject(COURSE_INSTRUCTOR_REPOSITORY) private readonly instructors: CourseInstructorRepository,
  ) {}

  async of(sessions: readonly SessionRef[]): Promise<Map<string, SessionAudience>> {
    const byTenant = new Map<string, SessionRef[]>();
    for (const session of sessions)
      byTenant.set(session.tenantId, [...(byTenant.get(session.tenantId) ?? []), session]);
    const audiences = new Map<string, SessionAudience>();
    for (const [tenantId, refs] of byTenant) {
      const attendees = await this.attendances.attendeesOf(tenantId, [
        ...new Set(refs.map((r) => r.sessionId)),
      ]);
      const teachers = await this.instructors.instructorsOf(tenantId, [
        ...new Set(refs.map((r) => r.courseId)),
      ]);
      for (const ref of refs)
        audiences.set(audienceKey(ref), {
          attendeeIds: attendees.get(ref.sessionId) ?? [],
          instructorIds: teachers.get(ref.courseId) ?? [],
        });
    }
    return audiences;
  }
}

/** No one: the audience of a session nobody attends or teaches. */
export const NO_AUDIENCE: SessionAudience = { attendeeIds: [], instructorIds: [] };
