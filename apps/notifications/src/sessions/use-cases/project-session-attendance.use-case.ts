import { Inject, Injectable } from '@nestjs/common';
import type { AttendanceChange } from '../domain/session-attendance';
import {
  SESSION_ATTENDANCE_REPOSITORY,
  type SessionAttendanceRepository,
} from '../ports/session-attendance.repository';

/**
 * Enrollments changed (a batch of learning's enrollments stream): who attends which session is
 * kept, per enrollment at its newest version, for the mails about the sessions (NO-1). An
 * e-learning enrollment is in no session and is ignored. Idempotent.
 */
@Injectable()
export class ProjectSessionAttendanceUseCase {
  constructor(
    @Inject(SESSION_ATTENDANCE_REPOSITORY) private readonly attendances: SessionAttendanceRepository,
  ) {}

  execute(changes: readonly AttendanceChange[]): Promise<void> {
    return this.attendances.applyMany(changes);
  }
}
