import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { planAssignmentDeliveries, type AssignmentEventFacts } from '../domain/assignment-deliveries';
import type { Delivery } from '../domain/delivery';
import {
  ASSIGNMENT_VERSION_REPOSITORY,
  assignmentVersionKey,
  type AssignmentVersionRepository,
} from '../ports/assignment-version.repository';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DispatchDeliveryUseCase, type DispatchResult } from './dispatch-delivery.use-case';

/**
 * One assignment created or ended: the event's id (its deliveries are keyed by it, so that a
 * redelivery creates none), its tenant, its type and the assignment it carries.
 */
export type AssignmentEventCommand = AssignmentEventFacts;

/**
 * Assignments changed (a batch of the assignments stream): one delivery to each mentee and one
 * to each of their coaches (NO-1). An event older than the newest one handled for its
 * assignment mails nothing (NO-2: a dead letter replayed after the assignment ended must not
 * say "assigned"); the versions are recorded before the deliveries, and an event of the
 * version recorded is handled again, so that a crash between the two loses nothing. The
 * deliveries of the whole batch are written
 * first, in one bulk upsert on their natural key (an event seen before, in an earlier batch
 * or twice in this one, finds its deliveries and creates nothing), then the pending ones are
 * sent; what cannot be sent now stays pending for the retry sweeper or for its recipient's
 * `user.created`. Idempotent, so the batch can be applied again event by event.
 */
@Injectable()
export class HandleAssignmentEventsUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(ASSIGNMENT_VERSION_REPOSITORY) private readonly versions: AssignmentVersionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatch: DispatchDeliveryUseCase,
  ) {}

  async execute(commands: readonly AssignmentEventCommand[]): Promise<DispatchResult[]> {
    const now = this.clock.now();
    const current = await this.withoutOlderEvents(commands);
    const planned = current.flatMap((command) => planAssignmentDeliveries(command, now));
    const stored = await this.deliveries.ensureMany(planned);
    const pending = [...new Map(stored.map((d): [string, Delivery] => [d.id, d])).values()].filter(
      (delivery) => delivery.status === 'pending',
    );
    return this.dispatch.executeMany(
      pending.map((delivery) => ({ tenantId: delivery.tenantId, deliveryId: delivery.id })),
    );
  }

  /** The commands not older than the newest event handled for their assignment, whose versions are then recorded. */
  private async withoutOlderEvents(
    commands: readonly AssignmentEventCommand[],
  ): Promise<AssignmentEventCommand[]> {
    const keyOf = (command: AssignmentEventCommand) =>
      assignmentVersionKey({ tenantId: command.tenantId, assignmentId: command.assignment.assignmentId });
    const latest = await this.versions.latestOf(
      commands.map((command) => ({
        tenantId: command.tenantId,
        assignmentId: command.assignment.assignmentId,
      })),
    );
    const current = commands.filter((command) => command.version >= (latest.get(keyOf(command)) ?? 0));
    await this.versions.recordMany(
      current.map((command) => ({
        tenantId: command.tenantId,
        assignmentId: command.assignment.assignmentId,
        version: command.version,
      })),
    );
    return current;
  }
}
