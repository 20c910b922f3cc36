import { Inject, Injectable } from '@nestjs/common';
import { AssignmentsStream } from '@lms/contracts';
import { EVENT_FACTORY, type EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import {
  assignmentState,
  endAssignment,
  type Assignment,
  type AssignmentEndReason,
} from '../domain/assignment';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';

const END_ATTEMPTS = 3;

/**
 * Writes individual assignments, each change in one write with its events (rule 1): creates
 * derived ones unless a current one exists already, and ends current ones by compare-and-set,
 * reading again whatever changed meanwhile. The fan-out and the membership handler both write
 * through it, so that both create and end assignments the same idempotent way.
 */
@Injectable()
export class AssignmentWriter {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates those not yet current for their (group assignment, mentee); returns the ids created. */
  async create(tenantId: string, drafts: readonly Assignment[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    const occurredAt = this.clock.now();
    const items = drafts.map((assignment) => ({
      assignment,
      outbox: [
        this.events.create(AssignmentsStream, 'assignment.created', {
          tenantId,
          aggregateId: assignment.id,
          aggregateVersion: assignment.version,
          payload: assignmentState(assignment),
          occurredAt,
        }),
      ],
    }));
    return this.assignments.insertDerivedIfAbsent(tenantId, items);
  }

  /** Ends each assignment that is still current; returns how many this call ended. */
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
      if (current === null || current.status !== 'current') return false;
      if (attempt > END_ATTEMPTS)
        throw new Error(`Assignment ${assignment.id} kept changing while it was being ended`);
      const now = this.clock.now();
      const ended = endAssignment(current, { now, reason });
      const event = this.events.create(AssignmentsStream, 'assignment.ended', {
        tenantId,
        aggregateId: ended.id,
        aggregateVersion: ended.version,
        payload: { ...assignmentState(ended), endedAt: now.toISOString(), reason },
        occurredAt: now,
      });
      if (await this.assignments.end(tenantId, { assignment: ended, outbox: [event] }, current.version))
        return true;
      // Changed meanwhile (another instance ended it, or edited it): look again.
      current = await this.assignments.findById(tenantId, assignment.id);
    }
  }
}
