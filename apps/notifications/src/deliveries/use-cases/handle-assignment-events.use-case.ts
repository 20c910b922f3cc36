import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import { planAssignmentDeliveries, type AssignmentEventFacts } from '../domain/assignment-deliveries';
import type { Delivery } from '../domain/delivery';
import {
  ASSIGNMENT_VERSION_REPOSITORY,
  assignmentVersionKey,
  type AssignmentVersionRepository,
} from '../ports/assignment-version.repository';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { SEND_SIGNAL, type SendSignal } from '../ports/send-signal';

/**
 * One assignment created or ended: the event's id (its deliveries are keyed by it, so that a
 * redelivery creates none), its tenant, its type and the assignment it carries.
 */
export type AssignmentEventCommand = AssignmentEventFacts;

/**
 * Assignments changed (a batch of the assignments stream): one delivery to each mentee and one
 * to each of their coaches (NO-1), recorded, not sent: the sender pool sends them, so that a
 * slow mail server never holds back the events. An event older than the newest one handled
 * for its assignment mails nothing (NO-2: a dead letter replayed after the assignment ended
 * must not say "assigned"); the versions are recorded before the deliveries, and an event of
 * the version recorded is handled again, so that a crash between the two loses nothing. The
 * deliveries of the whole batch are written in one bulk upsert on their natural key (an event
 * seen before, in an earlier batch or twice in this one, finds its deliveries and creates
 * nothing). Idempotent, so the batch can be applied again event by event.
 */
@Injectable()
export class HandleAssignmentEventsUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(ASSIGNMENT_VERSION_REPOSITORY) private readonly versions: AssignmentVersionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SEND_SIGNAL) private readonly sender: SendSignal,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** Returns the batch's deliveries still to be sent (once each), those recorded before included. */
  async execute(commands: readonly AssignmentEventCommand[]): Promise<Delivery[]> {
    const now = this.clock.now();
    const current = await this.withoutOlderEvents(commands);
    const planned = current.flatMap((command) => planAssignmentDeliveries(command, now, this.config.digest));
    const stored = await this.deliveries.ensureMany(planned);
    const pending = [...new Map(stored.map((d): [string, Delivery] => [d.id, d])).values()].filter(
      (delivery) => delivery.status === 'pending',
    );
    if (pending.length > 0) this.sender.wake();
    return pending;
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
