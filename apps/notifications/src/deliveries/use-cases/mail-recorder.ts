import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import type { Delivery } from '../domain/delivery';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { SEND_SIGNAL, type SendSignal } from '../ports/send-signal';
import {
  SOURCE_VERSION_REPOSITORY,
  sourceVersionKey,
  type SourceRef,
  type SourceVersionRepository,
} from '../ports/source-version.repository';

/** What the recorder needs of an event: its tenant, and the aggregate and version it is about. */
export interface MailedEvent {
  tenantId: string;
  /** The aggregate's version the event brought it to (its `aggregateVersion`). */
  version: number;
}

/** How one kind of event becomes deliveries. */
export interface MailPlan<E extends MailedEvent> {
  /** The aggregate the event is about (an assignment, an enrollment). */
  aggregateOf(event: E): string;
  /** Its deliveries; pure, the same every time the same event is planned. */
  plan(event: E, now: Date): Delivery[];
}

/**
 * Records the mails a batch of events causes (NO-1), not sends them: the sender pool does, so
 * that a slow mail server never holds back the events. An event older than the newest one
 * handled for its aggregate mails nothing (NO-2: a dead letter replayed after the assignment
 * ended must not say "assigned"); the versions are recorded before the deliveries, and an event
 * of the version recorded is handled again, so that a crash between the two loses nothing.
 * The deliveries of the whole batch are written in one bulk upsert on their natural key (an
 * event seen before, in an earlier batch or twice in this one, finds its deliveries and creates
 * nothing). Idempotent, so a batch can be applied again event by event.
 */
@Injectable()
export class MailRecorder {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(SOURCE_VERSION_REPOSITORY) private readonly versions: SourceVersionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SEND_SIGNAL) private readonly sender: SendSignal,
  ) {}

  /** Returns the batch's deliveries still to be sent (once each), those recorded before included. */
  async record<E extends MailedEvent>(events: readonly E[], mails: MailPlan<E>): Promise<Delivery[]> {
    const now = this.clock.now();
    const current = await this.withoutOlderEvents(events, mails);
    const stored = await this.deliveries.ensureMany(current.flatMap((event) => mails.plan(event, now)));
    const pending = [...new Map(stored.map((d): [string, Delivery] => [d.id, d])).values()].filter(
      (delivery) => delivery.status === 'pending',
    );
    if (pending.length > 0) this.sender.wake();
    return pending;
  }

  /** The events not older than the newest one handled for their aggregate, whose versions are then recorded. */
  private async withoutOlderEvents<E extends MailedEvent>(
    events: readonly E[],
    mails: MailPlan<E>,
  ): Promise<E[]> {
    const refOf = (event: E): SourceRef => ({
      tenantId: event.tenantId,
      aggregateId: mails.aggregateOf(event),
    });
    const latest = await this.versions.latestOf(events.map(refOf));
    const current = events.filter(
      (event) => event.version >= (latest.get(sourceVersionKey(refOf(event))) ?? 0),
    );
    await this.versions.recordMany(current.map((event) => ({ ...refOf(event), version: event.version })));
    return current;
  }
}
