import { Inject, Injectable } from '@nestjs/common';
import { GroupAssignmentsStream, type GroupRole } from '@lms/contracts';
import { EVENT_FACTORY, type EventFactory } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { CLOCK, type Clock } from '@lms/kernel';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';
import { AssignmentDatesInvalidError, GroupAssignmentInvalidError } from '../assignment.errors';
import { decideAssignmentDatesOn } from '../domain/assignment-dates';
import {
  groupAssignmentSetupProblem,
  groupAssignmentState,
  newGroupAssignment,
  type GroupAssignment,
} from '../domain/group-assignment';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';

export interface CreateGroupAssignmentCommand {
  tenantId: string;
  groupId: string;
  roles: GroupRole[];
  coachIds: string[];
  startDate?: string | null;
  endDate?: string | null;
}

/**
 * Creates a group assignment (CO-A2) and its `group-assignment.created` event in one write; its
 * start defaults to today in the tenant's time zone.
 * The fan-out to the group's members happens later, in the consumer of that event, never
 * inside the request.
 *
 * The coaches are not checked against identity's users: a copy of them here would be eventually
 * consistent, so a coach created in identity a moment ago might not be in it yet, and refusing
 * them would make the API's answer depend on Kafka lag. Identity owns users; coaching takes the
 * ids as given.
 */
@Injectable()
export class CreateGroupAssignmentUseCase {
  constructor(
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  async execute(command: CreateGroupAssignmentCommand): Promise<GroupAssignment> {
    const problem = groupAssignmentSetupProblem(command.roles, command.coachIds);
    if (problem) throw new GroupAssignmentInvalidError(problem);
    const now = this.clock.now();
    const decision = decideAssignmentDatesOn(command, await this.calendar.todayOf(command.tenantId, now));
    if (!decision.ok) throw new AssignmentDatesInvalidError(decision.reason);
    const groupAssignment = newGroupAssignment(
      {
        tenantId: command.tenantId,
        groupId: command.groupId,
        roles: command.roles,
        coachIds: command.coachIds,
        dates: decision.dates,
      },
      { id: newId(), now },
    );
    const created = this.events.create(GroupAssignmentsStream, 'group-assignment.created', {
      tenantId: command.tenantId,
      aggregateId: groupAssignment.id,
      aggregateVersion: groupAssignment.version,
      payload: groupAssignmentState(groupAssignment),
      occurredAt: now,
    });
    await this.groupAssignments.create(groupAssignment, [created]);
    return groupAssignment;
  }
}
