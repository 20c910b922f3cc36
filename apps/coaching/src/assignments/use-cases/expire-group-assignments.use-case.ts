import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';
import { GroupAssignmentLifecycleUseCase } from './group-assignment-lifecycle.use-case';
import { SweepCalendar } from './sweep-calendar';

/**
 * The calendar's sweep of group assignments (CO-A8): every current one whose end date has
 * passed expires (`group-assignment.expired`), and its derived assignments follow in a job.
 * Safe on N instances (rule 5): each move is a compare-and-set, so it happens once; batches
 * follow one another by id, so a sweep always ends.
 */
@Injectable()
export class ExpireGroupAssignmentsUseCase {
  constructor(
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
    private readonly lifecycle: GroupAssignmentLifecycleUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  async execute(command: { batchSize: number }): Promise<{ expired: number }> {
    // Read by the latest day anywhere; the lifecycle decides each on its tenant's day.
    const { latestDay } = new SweepCalendar(this.calendar, this.clock.now());
    let expired = 0;
    for (let after: string | null = null; ; ) {
      const due = await this.groupAssignments.listDueToExpire(latestDay, after, command.batchSize);
      for (const groupAssignment of due) {
        const { tenantId, id } = groupAssignment;
        const result = await this.lifecycle.expire({ tenantId, id });
        if (result.status === 'expired' && result.version > groupAssignment.version) expired++;
      }
      if (due.length < command.batchSize) return { expired };
      after = due[due.length - 1].id;
    }
  }
}
