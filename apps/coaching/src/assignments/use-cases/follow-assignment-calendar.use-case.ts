import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import type { Assignment } from '../domain/assignment';
import { followCalendar, noticeOfExpiry } from '../domain/assignment-lifecycle';
import { addDays } from '../domain/calendar-date';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';
import { SweepCalendar } from './sweep-calendar';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';
import { AssignmentWriter } from './assignment-writer';

export interface FollowAssignmentCalendarCommand {
  /** Assignments read, and moved, per batch. */
  batchSize: number;
  /** How many days before its end an assignment's coming end is announced (0: never). */
  noticeDays: number;
}

/**
 * The calendar's sweep (CO-A1, CO-A8): every scheduled individual assignment whose start date
 * has come becomes current (`assignment.started`), every current one whose end date has passed
 * becomes expired (`assignment.expired`), and every current, active one ending within the
 * notice period is announced once (`assignment.expiring`), each on its tenant's day. Safe on N instances (rule 5): each move is a
 * compare-and-set on the version read, so when two sweeps find the same assignment one writes
 * and the other writes nothing, and each assignment moves once with one event. Batches follow
 * one another by id, so a sweep ends even when some cannot be moved now (the next one will).
 */
@Injectable()
export class FollowAssignmentCalendarUseCase {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    private readonly writer: AssignmentWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  async execute(
    command: FollowAssignmentCalendarCommand,
  ): Promise<{ started: number; expired: number; announced: number }> {
    const sweep = new SweepCalendar(this.calendar, this.clock.now());
    const { now, latestDay } = sweep;
    const { noticeDays } = command;
    const days = { today: latestDay, noticeUntil: noticeDays > 0 ? addDays(latestDay, noticeDays) : null };
    const report = { started: 0, expired: 0, announced: 0 };
    for (let after: string | null = null; ; ) {
      const due: Assignment[] = await this.assignments.listDueOnCalendar(days, after, command.batchSize);
      for (const assignment of due) {
        const today = await sweep.todayOf(assignment.tenantId);
        const moved = followCalendar(assignment, { now, today });
        const change =
          moved.outcome === 'changed' ? moved : noticeOfExpiry(assignment, { now, today }, noticeDays);
        if (
          change.outcome !== 'changed' ||
          !(await this.writer.change(assignment, change.assignment, change.event))
        )
          continue;
        if (change.event === 'assignment.expiring') report.announced++;
        else if (change.assignment.status === 'current') report.started++;
        else report.expired++;
      }
      if (due.length < command.batchSize) return report;
      after = due[due.length - 1].id;
    }
  }
}
