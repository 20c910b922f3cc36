import { Inject, Injectable } from '@nestjs/common';
import { GroupAssignmentsStream } from '@lms/contracts';
import { EVENT_FACTORY, type EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';
import {
  AssignmentDatesInvalidError,
  GroupAssignmentAlreadyEndedError,
  GroupAssignmentExpiredError,
  GroupAssignmentNotExpiredError,
  GroupAssignmentDeleteNotConfirmedError,
  GroupAssignmentNotFoundError,
  GroupAssignmentSameCoachesError,
} from '../assignment.errors';
import type { ChangeContext, TransferMode } from '../domain/assignment-lifecycle';
import { groupAssignmentState, type GroupAssignment } from '../domain/group-assignment';
import type { RequestedDates } from '../domain/assignment-dates';
import {
  deleteGroupAssignment,
  editGroupAssignmentDates,
  endGroupAssignment,
  expireGroupAssignment,
  reactivateGroupAssignment,
  setGroupAssignmentActive,
  transferGroupAssignment,
  type GroupAssignmentChange,
  type GroupAssignmentRefusal,
} from '../domain/group-assignment-lifecycle';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';
import type { AssignmentTarget } from './assignment-lifecycle.use-case';
import { AssignableCoaches } from './assignable-coaches';

/**
 * What an administrator does to a group assignment over its life (CO-A5, CO-A6, CO-A9): the
 * change is written by compare-and-set with its event, and its derived assignments follow it
 * afterwards, in a job started from that event (`FollowGroupAssignmentUseCase`), never inside
 * the request.
 */
@Injectable()
export class GroupAssignmentLifecycleUseCase {
  constructor(
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly coaches: AssignableCoaches,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  setActive(target: AssignmentTarget, active: boolean): Promise<GroupAssignment> {
    return this.apply(target, (groupAssignment, context) =>
      setGroupAssignmentActive(groupAssignment, active, context),
    );
  }

  end(target: AssignmentTarget): Promise<GroupAssignment> {
    return this.apply(target, endGroupAssignment);
  }

  /** CO-A7: to coaches that may coach now (checked against coaching's copy of identity's users). */
  async transfer(
    target: AssignmentTarget,
    coachIds: readonly string[],
    mode: TransferMode = 'assignment_only',
  ): Promise<GroupAssignment> {
    // Not found comes first: nobody learns anything of the coaches of another tenant's assignment.
    const found = await this.groupAssignments.findById(target.tenantId, target.id);
    if (found === null || found.deletedAt !== null) throw new GroupAssignmentNotFoundError(target.id);
    await this.coaches.assertAssignable(target.tenantId, coachIds);
    return this.apply(target, (groupAssignment, context) =>
      transferGroupAssignment(groupAssignment, coachIds, context, mode),
    );
  }

  /** CO-A4: a new date range; an end in the past expires it (and its derived assignments) at once. */
  editDates(target: AssignmentTarget, dates: RequestedDates): Promise<GroupAssignment> {
    return this.apply(target, (groupAssignment, context) =>
      editGroupAssignmentDates(groupAssignment, dates, context),
    );
  }

  /** CO-A8, the calendar's move: expired once its end date has passed (nothing when not due). */
  expire(target: AssignmentTarget): Promise<GroupAssignment> {
    return this.apply(target, expireGroupAssignment);
  }

  /** CO-A8: an expired group assignment is current again, its fan-out run anew. */
  reactivate(target: AssignmentTarget, requested: { startDate?: string }): Promise<GroupAssignment> {
    return this.apply(target, (groupAssignment, context) =>
      reactivateGroupAssignment(groupAssignment, requested, context),
    );
  }

  async delete(target: AssignmentTarget, confirmation: string | undefined): Promise<void> {
    await this.apply(target, (groupAssignment, context) =>
      deleteGroupAssignment(groupAssignment, confirmation, context),
    );
  }

  private apply(
    target: AssignmentTarget,
    decide: (groupAssignment: GroupAssignment, context: ChangeContext) => GroupAssignmentChange,
  ): Promise<GroupAssignment> {
    return withOptimisticRetry<GroupAssignment>(async () => {
      const found = await this.groupAssignments.findById(target.tenantId, target.id);
      if (found === null || found.deletedAt !== null) throw new GroupAssignmentNotFoundError(target.id);
      assertExpectedVersion(target.expectedVersion, found.version);
      const now = this.clock.now();
      const change = decide(found, { now, today: await this.calendar.todayOf(target.tenantId, now) });
      if (change.outcome === 'refused') throw refusalError(found.id, change.refusal);
      if (change.outcome === 'unchanged') return { outcome: 'written', value: found };
      const next = change.groupAssignment;
      const event = this.events.create(GroupAssignmentsStream, change.event, {
        tenantId: next.tenantId,
        aggregateId: next.id,
        aggregateVersion: next.version,
        payload: groupAssignmentState(next),
        occurredAt: now,
      });
      if (!(await this.groupAssignments.save(next, [event], found.version))) return { outcome: 'stale' };
      return { outcome: 'written', value: next };
    });
  }
}

function refusalError(id: string, refusal: GroupAssignmentRefusal): Error {
  switch (refusal.rule) {
    case 'ended':
      return new GroupAssignmentAlreadyEndedError(id);
    case 'not-confirmed':
      return new GroupAssignmentDeleteNotConfirmedError(id);
    case 'same-coaches':
      return new GroupAssignmentSameCoachesError(id);
    case 'expired':
      return new GroupAssignmentExpiredError(id);
    case 'not-expired':
      return new GroupAssignmentNotExpiredError(id, refusal.status);
    case 'dates':
      return new AssignmentDatesInvalidError(refusal.reason);
  }
}
