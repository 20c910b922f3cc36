import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../../users/ports/coaching-user.repository';
import { unassignableAmong } from '../../users/domain/user-assignability';
import {
  AssignmentDatesInvalidError,
  AssignmentSelfCoachingError,
  AssignmentUsersNotAssignableError,
} from '../assignment.errors';
import type { Assignment } from '../domain/assignment';
import { decideAssignmentDatesOn } from '../domain/assignment-dates';
import { newIndividualAssignment } from '../domain/assignment-lifecycle';
import { AssignmentWriter } from './assignment-writer';

export interface CreateAssignmentCommand {
  tenantId: string;
  menteeId: string;
  coachIds: string[];
  startDate?: string | null;
  endDate?: string | null;
  /** The mentee's group the assignment is filed under, when it was chosen through one. */
  groupId?: string | null;
}

/**
 * CO-A1: one mentee, one or more coaches, in one write with `assignment.created`; the start
 * defaults to today in the tenant's time zone. The mentee and
 * every coach must be known to coaching's copy of identity's users and may take part now
 * (`whyUnassignable`); a user created a moment ago is known once its event has arrived.
 */
@Injectable()
export class CreateAssignmentUseCase {
  constructor(
    @Inject(COACHING_USER_REPOSITORY) private readonly users: CoachingUserRepository,
    private readonly writer: AssignmentWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  async execute(command: CreateAssignmentCommand): Promise<Assignment> {
    const { tenantId, menteeId, coachIds } = command;
    if (coachIds.includes(menteeId)) throw new AssignmentSelfCoachingError(menteeId);
    const now = this.clock.now();
    const today = await this.calendar.todayOf(tenantId, now);
    const decision = decideAssignmentDatesOn(command, today);
    if (!decision.ok) throw new AssignmentDatesInvalidError(decision.reason);
    const found = await this.users.findMany(tenantId, [menteeId, ...coachIds]);
    const refused = unassignableAmong([menteeId, ...coachIds], found, now).map(({ userId, reason }) => ({
      userId,
      as: userId === menteeId ? ('mentee' as const) : ('coach' as const),
      reason,
    }));
    if (refused.length > 0) throw new AssignmentUsersNotAssignableError(refused);
    const assignment = newIndividualAssignment(
      { tenantId, menteeId, coachIds, groupId: command.groupId ?? null, dates: decision.dates },
      { id: newId(), now, today },
    );
    await this.writer.insert(assignment);
    return assignment;
  }
}
