import { Inject, Injectable } from '@nestjs/common';
import type { GroupRole } from '@lms/contracts';
import { JobRunner, type JobQueue } from '@lms/jobs';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';
import { AssignmentDatesInvalidError, GroupAssignmentInvalidError } from '../assignment.errors';
import { bulkAssignmentJob } from '../bulk-assignment.job';
import { decideAssignmentDatesOn } from '../domain/assignment-dates';
import { startBulkAssignment, type BulkAssignment } from '../domain/bulk-assignment';
import { groupAssignmentSetupProblem } from '../domain/group-assignment';
import {
  BULK_ASSIGNMENT_REPOSITORY,
  type BulkAssignmentRepository,
} from '../ports/bulk-assignment.repository';
import { AssignableCoaches } from './assignable-coaches';

export interface StartBulkAssignmentCommand {
  tenantId: string;
  groupId: string;
  roles: GroupRole[];
  coachIds: string[];
  menteeIds: string[];
  startDate?: string | null;
  endDate?: string | null;
}

/**
 * CO-A3: accepts a bulk assignment at once (its coaches checked, its dates decided: the start
 * defaults to today in the tenant's time zone) and leaves
 * the mentees to a job (`BulkAssignmentJob`), whose progress and per-mentee results are read
 * from `GET /v1/assignments/bulk/{id}`.
 */
@Injectable()
export class StartBulkAssignmentUseCase {
  constructor(
    @Inject(BULK_ASSIGNMENT_REPOSITORY) private readonly bulks: BulkAssignmentRepository,
    private readonly coaches: AssignableCoaches,
    @Inject(JobRunner) private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  async execute(command: StartBulkAssignmentCommand): Promise<BulkAssignment> {
    const problem = groupAssignmentSetupProblem(command.roles, command.coachIds);
    if (problem) throw new GroupAssignmentInvalidError(problem);
    const now = this.clock.now();
    const decision = decideAssignmentDatesOn(command, await this.calendar.todayOf(command.tenantId, now));
    if (!decision.ok) throw new AssignmentDatesInvalidError(decision.reason);
    await this.coaches.assertAssignable(command.tenantId, command.coachIds);
    const bulk = startBulkAssignment(
      {
        id: newId(now),
        tenantId: command.tenantId,
        groupId: command.groupId,
        roles: command.roles,
        coachIds: command.coachIds,
        dates: decision.dates,
        menteeIds: command.menteeIds,
      },
      now,
    );
    await this.bulks.insert(bulk);
    await this.jobs.enqueue(bulkAssignmentJob(bulk));
    return bulk;
  }
}
