import { Inject, Injectable } from '@nestjs/common';
import { AssignmentsStream } from '@lms/contracts';
import { EVENT_FACTORY, type EventFactory, type OutboxEntry } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import {
  assignmentState,
  endAssignment,
  isLive,
  type Assignment,
  type AssignmentEndReason,
} from '../domain/assignment';
import type { AssignmentEventType, ChangeDetail } from '../domain/assignment-lifecycle';
import { calendarDateOf, daysBetween } from '../domain/calendar-date';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';

const END_ATTEMPTS = 3;

/**
 * Writes individual assignments, each change in one write with its event (rule 1): creates
 * them (derived ones unless a current one exists already), and changes them by compare-and-set
 * on the version read. The fan-out, the membership handler, the administrator's lifecycle
 * routes and the calendar all write through it, so every change is published the same way.
 */
@Injectable()
export class AssignmentWriter {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates the derived ones not yet current for their (group assignment, mentee); returns the ids created. */
  async create(tenantId: string, drafts: readonly Assignment[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    const occurredAt = this.clock.now();
    const items = drafts.map((assignment) => ({
      assignment,
      outbox: [this.eventOf('assignment.created', assignment, occurredAt)],
    }));
    return this.assignments.insertDerivedIfAbsent(tenantId, items);
  }

  /**
   * Creates individual assignments with their `assignment.created`, in one bulk write, those
   * whose id exists already excepted; returns the ids created (CO-A3).
   */
  async insertAllIfAbsent(tenantId: string, assignments: readonly Assignment[]): Promise<string[]> {
    if (assignments.length === 0) return [];
    const items = assignments.map((assignment) => ({
      assignment,
      outbox: [this.eventOf('assignment.created', assignment, assignment.createdAt)],
    }));
    return this.assignments.insertIfAbsent(tenantId, items);
  }

  /** Creates an individual assignment (CO-A1) with its `assignment.created`. */
  async insert(assignment: Assignment): Promise<void> {
    const outbox = [this.eventOf('assignment.created', assignment, assignment.createdAt)];
    await this.assignments.insert({ assignment, outbox });
  }

  /**
   * Writes `next` (what `before` becomes, at its next version) with its event, if the
   * assignment is still at `before`'s version; false when someone changed it meanwhile
   * (nothing written).
   */
  async change(
    before: Assignment,
    next: Assignment,
    event: AssignmentEventType,
    detail?: ChangeDetail,
  ): Promise<boolean> {
    const outbox = [this.eventOf(event, next, next.updatedAt, before, detail)];
    return this.assignments.save(next.tenantId, { assignment: next, outbox }, before.version);
  }

  /**
   * Writes several assignments in one round trip, each by compare-and-set on the version read
   * (`before`) with its steps: one or more successive changes, each at the next version with
   * its own event, the last one the state written. Returns how many were written (the others
   * changed meanwhile and wrote nothing).
   */
  async changeMany(
    changes: ReadonlyArray<{
      before: Assignment;
      steps: ReadonlyArray<{ assignment: Assignment; event: AssignmentEventType; detail?: ChangeDetail }>;
    }>,
  ): Promise<number> {
    const written = changes.filter(({ steps }) => steps.length > 0);
    if (written.length === 0) return 0;
    const items = written.map(({ before, steps }) => ({
      assignment: steps[steps.length - 1].assignment,
      outbox: steps.map(({ assignment, event, detail }, i) =>
        this.eventOf(
          event,
          assignment,
          assignment.updatedAt,
          i === 0 ? before : steps[i - 1].assignment,
          detail,
        ),
      ),
      expectedVersion: before.version,
    }));
    return this.assignments.saveMany(written[0].before.tenantId, items);
  }

  /** Ends each assignment that is still in force (scheduled or current); returns how many this call ended. */
  async end(
    tenantId: string,
    targets: ReadonlyArray<{ assignment: Assignment; reason: AssignmentEndReason }>,
  ): Promise<number> {
    let ended = 0;
    for (const { assignment, reason } of targets) {
      if (await this.endOne(tenantId, assignment, reason)) ended++;
    }
    return ended;
  }

  private async endOne(
    tenantId: string,
    assignment: Assignment,
    reason: AssignmentEndReason,
  ): Promise<boolean> {
    let current: Assignment | null = assignment;
    for (let attempt = 1; ; attempt++) {
      if (current === null || !isLive(current)) return false;
      if (attempt > END_ATTEMPTS)
        throw new Error(`Assignment ${assignment.id} kept changing while it was being ended`);
      if (
        await this.change(
          current,
          endAssignment(current, { now: this.clock.now(), reason }),
          'assignment.ended',
        )
      )
        return true;
      // Changed meanwhile (another instance ended it, or edited it): look again.
      current = await this.assignments.findById(tenantId, assignment.id);
    }
  }

  private eventOf(
    type: AssignmentEventType,
    assignment: Assignment,
    occurredAt: Date,
    before: Assignment = assignment,
    detail?: ChangeDetail,
  ): OutboxEntry {
    const state = assignmentState(assignment);
    const input = {
      tenantId: assignment.tenantId,
      aggregateId: assignment.id,
      aggregateVersion: assignment.version,
      occurredAt,
    };
    if (type === 'assignment.ended') {
      const endedAt = (assignment.endedAt ?? occurredAt).toISOString();
      const reason = assignment.endReason ?? 'ended-now';
      return this.events.create(AssignmentsStream, type, {
        ...input,
        payload: { ...state, endedAt, reason },
      });
    }
    if (type === 'assignment.expiring') {
      const daysLeft = daysBetween(
        calendarDateOf(occurredAt),
        assignment.endDate ?? calendarDateOf(occurredAt),
      );
      return this.events.create(AssignmentsStream, type, { ...input, payload: { ...state, daysLeft } });
    }
    if (type === 'assignment.transferred') {
      const payload = {
        ...state,
        previousCoachIds: [...before.coachIds],
        ...(detail?.reshareArtifacts ? { reshareArtifacts: true } : {}),
      };
      return this.events.create(AssignmentsStream, type, { ...input, payload });
    }
    return this.events.create(AssignmentsStream, type, { ...input, payload: state });
  }
}
