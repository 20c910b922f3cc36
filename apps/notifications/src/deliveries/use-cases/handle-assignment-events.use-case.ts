import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import { planAssignmentDeliveries, type AssignmentEventFacts } from '../domain/assignment-deliveries';
import type { Delivery } from '../domain/delivery';
import { MailRecorder } from './mail-recorder';

/**
 * One assignment event: the event's id (its deliveries are keyed by it, so that a redelivery
 * creates none), its tenant, its type and the assignment it carries.
 */
export type AssignmentEventCommand = AssignmentEventFacts;

/**
 * Assignments changed (a batch of the assignments stream): one delivery to each mentee and one
 * to each of their coaches (NO-1), a coach's new mentee held for the digest window, recorded
 * for the sender pool ({@link MailRecorder}).
 */
@Injectable()
export class HandleAssignmentEventsUseCase {
  constructor(
    private readonly recorder: MailRecorder,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** Returns the batch's deliveries still to be sent (once each), those recorded before included. */
  execute(commands: readonly AssignmentEventCommand[]): Promise<Delivery[]> {
    return this.recorder.record(commands, {
      aggregateOf: (command) => command.assignment.assignmentId,
      plan: (command, now) => planAssignmentDeliveries(command, now, this.config.digest),
    });
  }
}
