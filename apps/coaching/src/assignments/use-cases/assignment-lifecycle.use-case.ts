import { Inject, Injectable } from '@nestjs/common';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';
import {
  AssignmentAlreadyEndedError,
  AssignmentDatesInvalidError,
  AssignmentDeleteNotConfirmedError,
  AssignmentDerivedError,
  AssignmentExpiredError,
  AssignmentNotExpiredError,
  AssignmentNotFoundError,
  AssignmentSameCoachesError,
  AssignmentSelfCoachingError,
} from '../assignment.errors';
import type { Assignment } from '../domain/assignment';
import type { RequestedDates } from '../domain/assignment-dates';
import {
  deleteForGood,
  editDates,
  endNow,
  reactivate,
  setActive,
  transfer,
  type AssignmentChange,
  type AssignmentRefusal,
  type ChangeContext,
  type TransferMode,
} from '../domain/assignment-lifecycle';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';
import { AssignableCoaches } from './assignable-coaches';
import { AssignmentWriter } from './assignment-writer';

/** Which assignment an administrator changes, and the version it read (`If-Match`), if any. */
export interface AssignmentTarget {
  tenantId: string;
  id: string;
  expectedVersion?: number;
}

/**
 * What an administrator does to an individual assignment over its life (CO-A4..A6, CO-A8,
 * CO-A9): each change is decided on the state read, on the day it is in the tenant's time zone
 * (a reactivation starts on it by default), written by compare-and-set with its event, and
 * decided again on fresh state when another writer won the race. A refused change writes
 * nothing and answers why.
 */
@Injectable()
export class AssignmentLifecycleUseCase {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    private readonly writer: AssignmentWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly coaches: AssignableCoaches,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  editDates(target: AssignmentTarget, dates: RequestedDates): Promise<Assignment> {
    return this.apply(target, (assignment, context) => editDates(assignment, dates, context));
  }

  setActive(target: AssignmentTarget, active: boolean): Promise<Assignment> {
    return this.apply(target, (assignment, context) => setActive(assignment, active, context));
  }

  end(target: AssignmentTarget): Promise<Assignment> {
    return this.apply(target, endNow);
  }

  reactivate(target: AssignmentTarget, requested: { startDate?: string }): Promise<Assignment> {
    return this.apply(target, (assignment, context) => reactivate(assignment, requested, context));
  }

  /** CO-A7: to coaches that may coach now; re-sharing the mentee's artifacts or not, as `mode` says. */
  async transfer(
    target: AssignmentTarget,
    coachIds: readonly string[],
    mode: TransferMode = 'assignment_only',
  ): Promise<Assignment> {
    // Not found comes first: nobody learns anything of the coaches of another tenant's assignment.
    if ((await this.assignments.findById(target.tenantId, target.id)) === null)
      throw new AssignmentNotFoundError(target.id);
    await this.coaches.assertAssignable(target.tenantId, coachIds);
    return this.apply(target, (assignment, context) => transfer(assignment, coachIds, context, mode));
  }

  async delete(target: AssignmentTarget, confirmation: string | undefined): Promise<void> {
    await this.apply(target, (assignment, context) => deleteForGood(assignment, confirmation, context));
  }

  private apply(
    target: AssignmentTarget,
    decide: (assignment: Assignment, context: ChangeContext) => AssignmentChange,
  ): Promise<Assignment> {
    return withOptimisticRetry<Assignment>(async () => {
      const assignment = await this.assignments.findById(target.tenantId, target.id);
      if (assignment === null) throw new AssignmentNotFoundError(target.id);
      assertExpectedVersion(target.expectedVersion, assignment.version);
      const now = this.clock.now();
      const today = await this.calendar.todayOf(target.tenantId, now);
      const change = decide(assignment, { now, today });
      if (change.outcome === 'refused') throw refusalError(assignment.id, change.refusal);
      if (change.outcome === 'unchanged') return { outcome: 'written', value: assignment };
      if (!(await this.writer.change(assignment, change.assignment, change.event, change.detail)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: change.assignment };
    });
  }
}

function refusalError(id: string, refusal: AssignmentRefusal): Error {
  switch (refusal.rule) {
    case 'ended':
      return new AssignmentAlreadyEndedError(id);
    case 'expired':
      return new AssignmentExpiredError(id);
    case 'not-expired':
      return new AssignmentNotExpiredError(id, refusal.status);
    case 'derived':
      return new AssignmentDerivedError(id, refusal.groupAssignmentId);
    case 'dates':
      return new AssignmentDatesInvalidError(refusal.reason);
    case 'not-confirmed':
      return new AssignmentDeleteNotConfirmedError(id);
    case 'same-coaches':
      return new AssignmentSameCoachesError(id);
    case 'self-coaching':
      return new AssignmentSelfCoachingError(refusal.userId);
  }
}
