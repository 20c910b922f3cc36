import { Inject, Injectable } from '@nestjs/common';
import type { GroupRole } from '@lms/contracts';
import { JobRunner, type JobQueue } from '@lms/jobs';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { unassignableAmong } from '../../users/domain/user-assignability';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../../users/ports/coaching-user.repository';
import {
  AssignmentDatesInvalidError,
  AssignmentUsersNotAssignableError,
  GroupAssignmentInvalidError,
} from '../assignment.errors';
import { bulkAssignmentJob } from '../bulk-assignment.job';
import { decideAssignmentDates } from '../domain/assignment-dates';
import { startBulkAssignment, type BulkAssignment } from '../domain/bulk-assignment';
import { groupAssignmentSetupProblem } from '../domain/group-assignment';
import {
  BULK_ASSIGNMENT_REPOSITORY,
  type BulkAssignmentRepository,
} from '../ports/bulk-assignment.repository';

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
 * CO-A3: accepts a bulk assignment at once (its coaches checked, its dates decided) and leaves
 * the mentees to a job (`BulkAssignmentJob`), whose progress and per-mentee results are read
 * from `GET /v1/assignments/bulk/{id}`.
 */
@Injectable()
export class StartBulkAssignmentUseCase {
  constructor(
    @Inject(BULK_ASSIGNMENT_REPOSITORY) private readonly bulks: BulkAssignmentRepository,
    @Inject(COACHING_USER_REPOSITORY) private readonly users: CoachingUserRepository,
    @Inject(JobRunner) private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: StartBulkAssignmentCommand): Promise<BulkAssignment> {
    const problem = groupAssignmentSetupProblem(command.roles, command.coachIds);
    if (problem) throw new GroupAssignmentInvalidError(problem);
    const now = this.clock.now();
    const decision = decideAssignmentDates(command, now);
    if (!decision.ok) throw new AssignmentDatesInvalidError(decision.reason);
    const coaches = await this.users.findMany(command.tenantId, command.coachIds);
    const refused = unassignableAmong(command.coachIds, coaches, now);
    if (refused.length > 0)
      throw new AssignmentUsersNotAssignableError(
        refused.map(({ userId, reason }) => ({ userId, as: 'coach', reason })),
      );
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
