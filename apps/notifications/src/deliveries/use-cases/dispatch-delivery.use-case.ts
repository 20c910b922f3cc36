import { Inject, Injectable } from '@nestjs/common';
import { DeliveriesStream } from '@lms/contracts';
import { EVENT_FACTORY, type EventFactory, type OutboxEntry } from '@lms/messaging';
import { uuidV7, type Logger } from '@lms/observability';
import { CLOCK, LOGGER, type Clock } from '@lms/service-kit';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import { isMailable, nameOf, type PersonName, type Recipient } from '../../recipients/domain/recipient';
import { RECIPIENT_REPOSITORY, type RecipientRepository } from '../../recipients/ports/recipient.repository';
import { counterpartIds, type Delivery, type DeliveryRef } from '../domain/delivery';
import { decideAfterSendFailure, decideWhileRecipientUnknown } from '../domain/delivery-policy';
import { assignmentLink, renderMail } from '../domain/templates/render-mail';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DELIVERY_ID_HEADER, MAIL_SENDER, MailSendError, type MailSender } from '../ports/mail-sender';

export type DispatchOutcome =
  | 'sent'
  | 'retry_scheduled'
  | 'parked'
  | 'waiting_recipient'
  | 'cancelled'
  /** Not pending, not due, or another instance holds it. */
  | 'not_claimed'
  /** The claim expired and another instance took the delivery over while this one sent it. */
  | 'claim_lost';

export interface DispatchOptions {
  /** Send now even if the next attempt is not due (its recipient just arrived). */
  ignoreSchedule?: boolean;
}

/**
 * Sends one delivery, at most once across instances: it claims the delivery with a
 * conditional update (pending, lease expired), renders the mail from the recipient
 * projection, hands it to the mail server, then marks it sent together with its
 * `delivery.sent` event in one write. A failed send is retried with backoff and finally
 * parked as failed with a `delivery.failed` event and an alert in the logs.
 */
@Injectable()
export class DispatchDeliveryUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(RECIPIENT_REPOSITORY) private readonly recipients: RecipientRepository,
    @Inject(MAIL_SENDER) private readonly mailer: MailSender,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  execute(ref: DeliveryRef, options: DispatchOptions = {}): Promise<DispatchOutcome> {
    return this.dispatch(ref, options, true);
  }

  private async dispatch(
    ref: DeliveryRef,
    options: DispatchOptions,
    lookAgain: boolean,
  ): Promise<DispatchOutcome> {
    const owner = uuidV7();
    const now = this.clock.now();
    const delivery = await this.deliveries.claim(ref, {
      now,
      leaseUntil: new Date(now.getTime() + this.config.delivery.leaseMs),
      owner,
      ignoreSchedule: options.ignoreSchedule,
    });
    if (!delivery) return 'not_claimed';

    const recipient = await this.recipients.find(ref.tenantId, delivery.recipientId);
    if (recipient?.deleted) {
      await this.deliveries.markCancelled(ref, owner, {
        lastError: 'RECIPIENT.DELETED: the recipient was deleted before the mail went out',
        updatedAt: now,
      });
      return 'cancelled';
    }
    if (!isMailable(recipient)) {
      const outcome = await this.waitForRecipient(delivery, owner, now);
      // A `user.created` applied while this claim was held found the delivery taken and
      // could not send it: look once more now that the claim is released.
      if (
        outcome === 'waiting_recipient' &&
        lookAgain &&
        isMailable(await this.recipients.find(ref.tenantId, delivery.recipientId))
      ) {
        return this.dispatch(ref, { ignoreSchedule: true }, false);
      }
      return outcome;
    }
    return this.send(delivery, recipient, owner);
  }

  private async send(
    delivery: Delivery,
    recipient: Recipient & { email: string; firstName: string; lastName: string },
    owner: string,
  ): Promise<DispatchOutcome> {
    const ref = refOf(delivery);
    const mail = renderMail({
      kind: delivery.kind,
      locale: recipient.locale,
      recipientFirstName: recipient.firstName,
      counterparts: await this.counterpartNames(delivery),
      link: assignmentLink(this.config.appUrl, delivery.context),
    });
    try {
      await this.mailer.send({
        to: { address: recipient.email, name: `${recipient.firstName} ${recipient.lastName}` },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { [DELIVERY_ID_HEADER]: delivery.id },
      });
    } catch (error) {
      return this.afterSendFailure(delivery, owner, error);
    }
    const sentAt = this.clock.now();
    const attempts = delivery.attempts + 1;
    const event = this.outcomeEvent(delivery, 'delivery.sent', attempts, sentAt);
    const marked = await this.deliveries.markSent(
      ref,
      owner,
      { sentAt, attempts, lastError: null, updatedAt: sentAt },
      event,
    );
    if (!marked) {
      this.logger.error(
        { ...logFields(delivery), alert: 'delivery-claim-lost' },
        'mail sent after the claim expired; another instance may send it again',
      );
      return 'claim_lost';
    }
    this.logger.info({ ...logFields(delivery), attempts }, 'delivery sent');
    return 'sent';
  }

  /** The other party's names, or null unless the projection knows every one of them. */
  private async counterpartNames(delivery: Delivery): Promise<PersonName[] | null> {
    const ids = counterpartIds(delivery);
    const found = new Map(
      (await this.recipients.findMany(delivery.tenantId, ids)).map((recipient) => [
        recipient.userId,
        recipient,
      ]),
    );
    const names = ids.map((id) => nameOf(found.get(id)));
    return names.every((name): name is PersonName => name !== null) ? names : null;
  }

  private async waitForRecipient(delivery: Delivery, owner: string, now: Date): Promise<DispatchOutcome> {
    const decision = decideWhileRecipientUnknown(delivery, now, this.config.delivery);
    if (decision.outcome === 'park')
      return this.park(delivery, owner, decision.attempts, decision.lastError, now);
    await this.deliveries.markWaitingForRecipient(refOf(delivery), owner, {
      nextAttemptAt: decision.nextAttemptAt,
      updatedAt: now,
    });
    return 'waiting_recipient';
  }

  private async afterSendFailure(
    delivery: Delivery,
    owner: string,
    error: unknown,
  ): Promise<DispatchOutcome> {
    const now = this.clock.now();
    const failure = {
      message: error instanceof Error ? error.message : String(error),
      permanent: error instanceof MailSendError && error.permanent,
    };
    const decision = decideAfterSendFailure(delivery, failure, now, this.config.delivery);
    if (decision.outcome === 'park')
      return this.park(delivery, owner, decision.attempts, decision.lastError, now);
    await this.deliveries.markRetry(refOf(delivery), owner, {
      attempts: decision.attempts,
      nextAttemptAt: decision.nextAttemptAt,
      lastError: decision.lastError,
      updatedAt: now,
    });
    this.logger.warn(
      {
        ...logFields(delivery),
        attempts: decision.attempts,
        nextAttemptAt: decision.nextAttemptAt,
        error: failure.message,
      },
      'delivery failed; retrying later',
    );
    return 'retry_scheduled';
  }

  private async park(
    delivery: Delivery,
    owner: string,
    attempts: number,
    lastError: string,
    now: Date,
  ): Promise<DispatchOutcome> {
    const event = this.outcomeEvent(delivery, 'delivery.failed', attempts, now, lastError);
    const marked = await this.deliveries.markFailed(
      refOf(delivery),
      owner,
      { attempts, lastError, updatedAt: now },
      event,
    );
    if (!marked) return 'claim_lost';
    this.logger.error(
      { ...logFields(delivery), attempts, lastError, alert: 'delivery-parked' },
      'delivery parked as failed; it will not be retried',
    );
    return 'parked';
  }

  private outcomeEvent(
    delivery: Delivery,
    type: 'delivery.sent' | 'delivery.failed',
    attempts: number,
    occurredAt: Date,
    error?: string,
  ): OutboxEntry {
    return this.events.create(DeliveriesStream, type, {
      tenantId: delivery.tenantId,
      aggregateId: delivery.id,
      aggregateVersion: delivery.version + 1,
      occurredAt,
      payload: {
        deliveryId: delivery.id,
        recipientId: delivery.recipientId,
        kind: delivery.kind,
        sourceEventId: delivery.sourceEventId,
        channel: delivery.channel,
        attempts,
        ...(error === undefined ? {} : { error }),
      },
    });
  }
}

function refOf(delivery: Delivery): DeliveryRef {
  return { tenantId: delivery.tenantId, deliveryId: delivery.id };
}

function logFields(delivery: Delivery): Record<string, string> {
  return {
    tenantId: delivery.tenantId,
    deliveryId: delivery.id,
    recipientId: delivery.recipientId,
    kind: delivery.kind,
    sourceEventId: delivery.sourceEventId,
  };
}
