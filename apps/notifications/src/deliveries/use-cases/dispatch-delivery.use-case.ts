import { Inject, Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { DeliveriesStream } from '@lms/contracts';
import { EVENT_FACTORY, type EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { type Logger } from '@lms/observability';
import { CLOCK, type Clock } from '@lms/kernel';
import { LOGGER, Metrics } from '@lms/service-kit';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import {
  isMailable,
  mailStopOf,
  nameOf,
  recipientKey,
  type PersonName,
  type Recipient,
} from '../../recipients/domain/recipient';
import { RECIPIENT_REPOSITORY, type RecipientRepository } from '../../recipients/ports/recipient.repository';
import { isOptedOut, preferencesKey, type MailPreferences } from '../../preferences/domain/mail-preferences';
import {
  PREFERENCE_REPOSITORY,
  type PreferenceRepository,
} from '../../preferences/ports/preference.repository';
import {
  claimOf,
  counterpartIds,
  isDigestContext,
  isEnrollmentContext,
  isCourseRoleContext,
  isImportContext,
  isInvitationContext,
  isCourseSessionContext,
  type MailContext,
  type Delivery,
  type DeliveryClaim,
  type DeliveryRef,
} from '../domain/delivery';
import {
  CANCELLED_BECAUSE,
  type CancelReason,
  decideAfterSendFailure,
  decideWhileRecipientUnknown,
} from '../domain/delivery-policy';
import { accountOfInvitedAddress } from '../domain/invitation-deliveries';
import { mailLink, renderMail, type MailTemplateInput } from '../domain/templates/render-mail';
import { DELIVERY_REPOSITORY, type DeliveryRepository, type SentMark } from '../ports/delivery.repository';
import { DELIVERY_ID_HEADER, MAIL_SENDER, MailSendError, type MailSender } from '../ports/mail-sender';
import { CloseDigestWindowsUseCase, type DigestWindowOutcome } from './close-digest-windows.use-case';

export type DispatchOutcome =
  | 'sent'
  | 'retry_scheduled'
  | 'parked'
  | 'waiting_recipient'
  | 'cancelled'
  /** Not pending, not due, or another instance holds it. */
  | 'not_claimed'
  /** The claim expired and another instance took the delivery over while this one sent it. */
  | 'claim_lost'
  | DigestWindowOutcome;

/** What {@link DispatchDeliveryUseCase.executeMany} reports per delivery: 'error' when it threw. */
export type DispatchResult = DispatchOutcome | 'error';

/**
 * Deliveries claimed together and then sent in parallel (at most; fewer when the concurrency
 * is lower). Small, so that every mail of a claim goes out right after it (each send times out
 * at a quarter of the lease); large enough that a chunk's reads and writes are few per mail:
 * 20 sent 388 mails/s where 10 sent 309 (docs/benchmarks.md).
 */
export const DISPATCH_CHUNK = 20;

/** Tries of the write that records a sent mail, and the wait before the second (doubling after). */
const MARK_SENT_ATTEMPTS = 5;
const MARK_SENT_BACKOFF_MS = 100;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface DispatchOptions {
  /** Send now even if the next attempt is not due (its recipient just arrived). */
  ignoreSchedule?: boolean;
  /** How many mails may be on their way at once (chunks run side by side); one chunk when absent. */
  concurrency?: number;
}

/**
 * Sends deliveries, each at most once across instances: it claims them (a compare-and-set
 * that one claimant wins), renders each mail from the recipient projection, hands it to the
 * mail server, then marks it sent together with its `delivery.sent` event in one write. A
 * failed send is retried with backoff and finally parked as failed with a `delivery.failed`
 * event and an alert in the logs. A recipient who may not be mailed any more, or who opted
 * out of the delivery's kind of mail (NO-4), has it cancelled instead. Many deliveries go by
 * chunks: one claim, one read of the recipients and their counterparts, one of the
 * recipients' preferences, the chunk's mails in parallel.
 */
@Injectable()
export class DispatchDeliveryUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(RECIPIENT_REPOSITORY) private readonly recipients: RecipientRepository,
    @Inject(PREFERENCE_REPOSITORY) private readonly preferences: PreferenceRepository,
    @Inject(MAIL_SENDER) private readonly mailer: MailSender,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly digestWindows: CloseDigestWindowsUseCase,
    metrics: Metrics,
  ) {
    this.outcomes = metrics.counter(
      'mail_deliveries_total',
      'Dispatches of deliveries by outcome (a delivery is dispatched again after a retry or a wait).',
      ['outcome'],
    );
  }

  /** Every dispatch's outcome, for metrics (NO-5: parked deliveries are seen there). */
  private readonly outcomes: Counter<'outcome'>;

  /** Sends one delivery; rejects when a step fails (the delivery stays pending for the sender). */
  async execute(ref: DeliveryRef, options: DispatchOptions = {}): Promise<DispatchOutcome> {
    const [result] = await this.dispatchChunk([ref], options, true);
    this.outcomes.inc({ outcome: result?.status === 'fulfilled' ? result.value : 'error' });
    if (result?.status === 'rejected') throw result.reason;
    return result?.status === 'fulfilled' ? result.value : 'not_claimed';
  }

  /**
   * Sends many deliveries, chunk by chunk, and reports each one's outcome in the order given.
   * A delivery whose dispatch failed is reported as 'error' (and logged); it stays pending,
   * and the sender takes it again once its lease has expired.
   */
  async executeMany(refs: readonly DeliveryRef[], options: DispatchOptions = {}): Promise<DispatchResult[]> {
    const results: DispatchResult[] = new Array<DispatchResult>(refs.length);
    const concurrency = Math.max(1, options.concurrency ?? DISPATCH_CHUNK);
    // Chunks no larger than the concurrency, so that a small one is never exceeded.
    const size = Math.min(DISPATCH_CHUNK, concurrency);
    const chunkStarts = Array.from({ length: Math.ceil(refs.length / size) }, (_, i) => i * size);
    const lanes = Math.floor(concurrency / size);
    // Each lane takes the next chunk when its own is done: at most `lanes` chunks in flight.
    const lane = async (): Promise<void> => {
      for (let start = chunkStarts.shift(); start !== undefined; start = chunkStarts.shift()) {
        const chunk = refs.slice(start, start + size);
        const settled = await this.dispatchChunk(chunk, options, true);
        settled.forEach((result, i) => {
          if (result.status === 'fulfilled') {
            results[start + i] = result.value;
            return;
          }
          this.logger.error({ err: result.reason, ...chunk[i] }, 'dispatching a delivery failed');
          results[start + i] = 'error';
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(lanes, chunkStarts.length) }, lane));
    for (const outcome of results) this.outcomes.inc({ outcome });
    return results;
  }

  private async dispatchChunk(
    refs: readonly DeliveryRef[],
    options: DispatchOptions,
    lookAgain: boolean,
  ): Promise<Array<PromiseSettledResult<DispatchOutcome>>> {
    const owner = newId();
    const now = this.clock.now();
    const claimed = await this.deliveries.claimMany(refs, {
      now,
      leaseUntil: new Date(now.getTime() + this.config.delivery.leaseMs),
      owner,
      ignoreSchedule: options.ignoreSchedule,
    });
    const { ready, settled, digests } = await this.digestWindows.execute(claimed, owner);
    const byId = new Map(ready.map((delivery) => [delivery.id, delivery]));
    const [people, choices, accounts] = await Promise.all([
      this.peopleOf(ready),
      this.choicesOf(ready),
      this.accountsOf(ready),
    ]);
    const dispatched = await Promise.allSettled(
      refs.map(async (ref): Promise<Dispatched> => {
        const delivery = byId.get(ref.deliveryId);
        if (delivery) {
          return this.dispatchClaimed(
            delivery,
            claimOf(delivery, owner),
            now,
            { people, choices, accounts },
            lookAgain,
          );
        }
        return settled.get(ref.deliveryId) ?? 'not_claimed';
      }),
    );
    const outcomes = await this.recordSent(dispatched);
    // A digest formed here goes out now; if it fails, it stays pending for the sender's next pass.
    if (digests.length > 0) await this.executeMany(digests);
    return outcomes;
  }

  private async dispatchClaimed(
    delivery: Delivery,
    claim: DeliveryClaim,
    now: Date,
    { people, choices, accounts }: ChunkReads,
    lookAgain: boolean,
  ): Promise<Dispatched> {
    const invitedAddress = invitedAddressOf(delivery);
    // An invitation to an address reaches the account of that address, if there is one.
    const recipient =
      invitedAddress === null
        ? (people.get(recipientKey(delivery.tenantId, delivery.recipientId)) ?? null)
        : accountOfInvitedAddress(invitedAddress, accounts.get(delivery.tenantId) ?? [], now);
    const stop = recipient ? mailStopOf(recipient, now) : null;
    if (stop) return this.cancel(delivery, claim, stop, now);
    const preferences = choices.get(preferencesKey(delivery.tenantId, delivery.recipientId));
    if (isOptedOut(preferences, delivery.sourceType)) return this.cancel(delivery, claim, 'opted_out', now);
    const counterparts = counterpartNames(delivery, people);
    if (!isMailable(recipient)) {
      // An address without an account is mailed as it is (in English, naming nobody): that is
      // how people join; nothing would ever make it known.
      if (invitedAddress !== null)
        return this.send(delivery, addressAlone(invitedAddress), claim, counterparts);
      const outcome = await this.waitForRecipient(delivery, claim, now);
      // A user event applied while this claim was held found the delivery taken and could
      // not send (or cancel) it: look once more now that the claim is released.
      if (outcome === 'waiting_recipient' && lookAgain && (await this.isKnownNow(delivery, now))) {
        const [again] = await this.dispatchChunk([refOf(delivery)], { ignoreSchedule: true }, false);
        if (again?.status === 'rejected') throw again.reason;
        return again?.status === 'fulfilled' ? again.value : outcome;
      }
      return outcome;
    }
    return this.send(delivery, addresseeOf(delivery, recipient), claim, counterparts);
  }

  /** Whether the projection now knows the recipient well enough to send or cancel the delivery. */
  private async isKnownNow(delivery: Delivery, now: Date): Promise<boolean> {
    const recipient = await this.recipients.find(delivery.tenantId, delivery.recipientId);
    return recipient !== null && (isMailable(recipient) || mailStopOf(recipient, now) !== null);
  }

  /**
   * The recipient may not be mailed any more, or does not want this kind of mail: the
   * delivery ends as cancelled, with the reason as its last error. Not failed (nothing went
   * wrong) and never retried.
   */
  private async cancel(
    delivery: Delivery,
    claim: DeliveryClaim,
    reason: CancelReason,
    now: Date,
  ): Promise<DispatchOutcome> {
    const lastError = CANCELLED_BECAUSE[reason];
    const marked = await this.deliveries.markCancelled(claim, { lastError, updatedAt: now });
    if (!marked) return 'claim_lost';
    this.logger.info({ ...logFields(delivery), reason: lastError }, 'delivery cancelled');
    return 'cancelled';
  }

  /** The recipients' mail preferences, by {@link preferencesKey}: one read for the whole chunk. */
  private async choicesOf(deliveries: readonly Delivery[]): Promise<Choices> {
    const found = await this.preferences.findMany(
      deliveries.map((delivery) => ({ tenantId: delivery.tenantId, userId: delivery.recipientId })),
    );
    return new Map(
      found.map((preferences) => [preferencesKey(preferences.tenantId, preferences.userId), preferences]),
    );
  }

  /**
   * The accounts of the addresses invited (not by account) in these deliveries, by tenant: one
   * read per tenant, none for a chunk without such an invitation.
   */
  private async accountsOf(deliveries: readonly Delivery[]): Promise<Accounts> {
    const emailsByTenant = new Map<string, string[]>();
    for (const delivery of deliveries) {
      const email = invitedAddressOf(delivery);
      if (email !== null)
        emailsByTenant.set(delivery.tenantId, [...(emailsByTenant.get(delivery.tenantId) ?? []), email]);
    }
    const accounts: Accounts = new Map();
    for (const [tenantId, emails] of emailsByTenant) {
      accounts.set(tenantId, await this.recipients.findByEmails(tenantId, emails));
    }
    return accounts;
  }

  /** The recipients of these deliveries and the people their mails name, in one read per tenant. */
  private async peopleOf(deliveries: readonly Delivery[]): Promise<People> {
    const idsByTenant = new Map<string, Set<string>>();
    for (const delivery of deliveries) {
      const ids = idsByTenant.get(delivery.tenantId) ?? new Set<string>();
      ids.add(delivery.recipientId);
      for (const id of counterpartIds(delivery)) ids.add(id);
      idsByTenant.set(delivery.tenantId, ids);
    }
    const people: People = new Map();
    for (const [tenantId, ids] of idsByTenant) {
      for (const recipient of await this.recipients.findMany(tenantId, [...ids])) {
        people.set(recipientKey(tenantId, recipient.userId), recipient);
      }
    }
    return people;
  }

  /** Hands the mail to the server; a mail it accepted is recorded with the rest of its chunk. */
  private async send(
    delivery: Delivery,
    addressee: Addressee,
    claim: DeliveryClaim,
    counterparts: PersonName[] | null,
  ): Promise<Dispatched> {
    const { name } = addressee;
    const mail = renderMail({
      kind: delivery.kind,
      locale: addressee.locale,
      recipientFirstName: name?.firstName ?? null,
      counterparts,
      link: mailLink(this.config.appUrl, delivery.context),
      timezone: addressee.timezone,
      ...contextValues(delivery.context),
    });
    try {
      await this.mailer.send({
        id: delivery.id,
        to: { address: addressee.address, name: name ? `${name.firstName} ${name.lastName}` : '' },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { [DELIVERY_ID_HEADER]: delivery.id },
      });
    } catch (error) {
      return this.afterSendFailure(delivery, claim, error);
    }
    const sentAt = this.clock.now();
    const attempts = delivery.attempts + 1;
    return {
      delivery,
      mark: {
        claim,
        update: { sentAt, attempts, lastError: null, updatedAt: sentAt },
        event: this.outcomeEvent(delivery, 'delivery.sent', attempts, sentAt),
      },
    };
  }

  /**
   * Records the mails of a chunk the server accepted, in one write, and turns each dispatch
   * into its outcome. A failed write is tried again, a few times within the claims' lease,
   * rather than given up: the claims still protect the deliveries, and giving up would let
   * them be sent again once the lease runs out (NO-2). Only a database refusing every try, or
   * a crash, leaves that window open; each mail's Message-ID is its delivery's, so that a
   * receiving server can still tell a copy from a new mail.
   */
  private async recordSent(
    dispatched: ReadonlyArray<PromiseSettledResult<Dispatched>>,
  ): Promise<Array<PromiseSettledResult<DispatchOutcome>>> {
    const sent = dispatched.flatMap((result) =>
      result.status === 'fulfilled' && typeof result.value !== 'string' ? [result.value] : [],
    );
    let recorded = new Set<string>();
    let failure: unknown = null;
    if (sent.length > 0) {
      try {
        recorded = await this.markSentWithRetries(sent);
      } catch (error) {
        failure = error;
      }
    }
    return dispatched.map((result): PromiseSettledResult<DispatchOutcome> => {
      if (result.status === 'rejected' || typeof result.value === 'string') {
        return result as PromiseSettledResult<DispatchOutcome>;
      }
      const { delivery, mark } = result.value;
      if (failure !== null) return { status: 'rejected', reason: failure };
      if (!recorded.has(delivery.id)) {
        this.logger.error(
          { ...logFields(delivery), alert: 'delivery-claim-lost' },
          'mail sent after the claim expired; another instance may send it again',
        );
        return { status: 'fulfilled', value: 'claim_lost' };
      }
      this.logger.info({ ...logFields(delivery), attempts: mark.update.attempts }, 'delivery sent');
      return { status: 'fulfilled', value: 'sent' };
    });
  }

  private async markSentWithRetries(sent: readonly SentMail[]): Promise<Set<string>> {
    const marks = sent.map((mail) => mail.mark);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.deliveries.markSentMany(marks);
      } catch (error) {
        if (attempt >= MARK_SENT_ATTEMPTS) {
          for (const { delivery } of sent) {
            this.logger.error(
              { ...logFields(delivery), err: error, alert: 'delivery-sent-unrecorded' },
              'mail accepted by the server but not recorded as sent; it may be sent again after the lease',
            );
          }
          throw error;
        }
        this.logger.warn(
          { err: error, attempt, mails: sent.length },
          'recording sent mails failed; trying again',
        );
        await delay(MARK_SENT_BACKOFF_MS * 2 ** (attempt - 1));
      }
    }
  }

  private async waitForRecipient(
    delivery: Delivery,
    claim: DeliveryClaim,
    now: Date,
  ): Promise<DispatchOutcome> {
    const decision = decideWhileRecipientUnknown(delivery, now, this.config.delivery);
    if (decision.outcome === 'park')
      return this.park(delivery, claim, decision.attempts, decision.lastError, now);
    await this.deliveries.markWaitingForRecipient(claim, {
      nextAttemptAt: decision.nextAttemptAt,
      updatedAt: now,
    });
    return 'waiting_recipient';
  }

  private async afterSendFailure(
    delivery: Delivery,
    claim: DeliveryClaim,
    error: unknown,
  ): Promise<DispatchOutcome> {
    const now = this.clock.now();
    const failure = {
      message: error instanceof Error ? error.message : String(error),
      permanent: error instanceof MailSendError && error.permanent,
    };
    const decision = decideAfterSendFailure(delivery, failure, now, this.config.delivery);
    if (decision.outcome === 'park')
      return this.park(delivery, claim, decision.attempts, decision.lastError, now);
    await this.deliveries.markRetry(claim, {
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
    claim: DeliveryClaim,
    attempts: number,
    lastError: string,
    now: Date,
  ): Promise<DispatchOutcome> {
    const event = this.outcomeEvent(delivery, 'delivery.failed', attempts, now, lastError);
    const marked = await this.deliveries.markFailed(claim, { attempts, lastError, updatedAt: now }, event);
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

/** A mail the server accepted, still to be recorded as sent. */
interface SentMail {
  delivery: Delivery;
  mark: SentMark;
}

/** What dispatching a claimed delivery came to before the chunk's sent mails are recorded. */
type Dispatched = DispatchOutcome | SentMail;

/** Recipients by {@link recipientKey}. */
type People = Map<string, Recipient>;

/** Mail preferences by {@link preferencesKey}. */
type Choices = Map<string, MailPreferences>;

/** By tenant, the accounts of the addresses its invitations in the chunk go to. */
type Accounts = Map<string, Recipient[]>;

/** What a chunk reads once for all its deliveries. */
interface ChunkReads {
  people: People;
  choices: Choices;
  accounts: Accounts;
}

/** Where a mail goes, and in which words: the recipient's, or an invited address's without an account. */
interface Addressee {
  address: string;
  /** Null: nobody to greet by name. */
  name: PersonName | null;
  locale: string;
  timezone: string | null;
}

/**
 * The address an invitation to a group was sent to when it was not sent to an account by id
 * (ID-G2); null for every other mail, and for an invitation of an account (its recipient is
 * that account, waited for as any other).
 */
function invitedAddressOf(delivery: Delivery): string | null {
  const { context } = delivery;
  return isInvitationContext(context) && context.invitation.userId === null ? context.invitation.email : null;
}

/**
 * A known recipient, in its language and by its name: at its address, or for an invitation at
 * the invited address (the mail is about that address being invited).
 */
function addresseeOf(
  delivery: Delivery,
  recipient: Recipient & { email: string; firstName: string; lastName: string },
): Addressee {
  const { context } = delivery;
  return {
    address: isInvitationContext(context) ? context.invitation.email : recipient.email,
    name: { firstName: recipient.firstName, lastName: recipient.lastName },
    locale: recipient.locale,
    timezone: recipient.timezone,
  };
}

/** An invited address without an account: in English, greeting nobody by name. */
function addressAlone(address: string): Addressee {
  return { address, name: null, locale: 'en', timezone: null };
}

/** The other party's names, or null unless the projection knows every one of them. */
function counterpartNames(delivery: Delivery, people: People): PersonName[] | null {
  const names = counterpartIds(delivery).map((id) => nameOf(people.get(recipientKey(delivery.tenantId, id))));
  return names.every((name): name is PersonName => name !== null) ? names : null;
}

/** What a mail's words take from its delivery's context besides names. */
function contextValues(
  context: MailContext,
): Pick<MailTemplateInput, 'count' | 'daysLeft' | 'course' | 'session' | 'importResult' | 'invitation'> {
  if (isDigestContext(context)) return { count: context.digest.count };
  if (isInvitationContext(context)) {
    const { groupName, roles } = context.invitation;
    return { invitation: { groupName, roles } };
  }
  if (isCourseSessionContext(context)) {
    const { courseTitle, previous, ...slot } = context.courseSession;
    return { course: courseTitle, session: { slot, previous } };
  }
  if (isEnrollmentContext(context)) return { course: context.enrollment.courseTitle };
  if (isCourseRoleContext(context)) return { course: context.courseRole.courseTitle };
  if (isImportContext(context)) {
    const { fileName, dryRun, outcome, rowsRead, rowsApplied, rowsRejected } = context.importResult;
    return {
      importResult: { fileName, dryRun, failed: outcome === 'failed', rowsRead, rowsApplied, rowsRejected },
    };
  }
  return { daysLeft: context.daysLeft ?? null };
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
