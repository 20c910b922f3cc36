import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { type Logger } from '@lms/observability';
import { LOGGER, Metrics } from '@lms/service-kit';
import type { Counter } from 'prom-client';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import { decideDigest, DIGEST_MEMBERS_MAX } from '../domain/coach-digest';
import { claimOf, type Delivery, type DeliveryRef } from '../domain/delivery';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import {
  DIGEST_LOCK_REPOSITORY,
  type DigestKeyRef,
  type DigestLockRepository,
  type DigestPlan,
  type HeldDigestLock,
} from '../ports/digest-lock.repository';

/** Wait before a mail whose digest another instance is forming is looked at again. */
export const DIGEST_BUSY_RETRY_MS = 1_000;

/** What became of a claimed mail that was waiting for its digest window, when it is not sent now. */
export type DigestWindowOutcome =
  /** It went out in a digest (the digest is sent apart). */
  | 'digested'
  /** Another instance is deciding its key's digest: it is looked at again shortly. */
  | 'digest_pending';

export interface ClosedWindows {
  /** The claimed deliveries to send now: those that never waited for a digest, and those that go out alone. */
  ready: Delivery[];
  /** What became of the others, by delivery id. */
  settled: Map<string, DigestWindowOutcome>;
  /** The digests formed, to send. */
  digests: DeliveryRef[];
}

/**
 * Closes the digest windows of claimed mails (NO-2): for each digest key among them, the
 * holder of the key's lock reads every mail still waiting under that key and sends them as
 * one digest when there are at least `DIGEST_THRESHOLD`, or each alone otherwise. Exactly
 * once across instances: only the lock's holder decides, and it records its plan (the digest
 * and its members) before it applies it, so that whoever takes the lock over after a crash
 * applies the same plan; the digest's id derives from its first member, so writing it again
 * creates nothing. Mails whose key another instance holds are released and looked at again
 * shortly.
 */
@Injectable()
export class CloseDigestWindowsUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(DIGEST_LOCK_REPOSITORY) private readonly locks: DigestLockRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.formed = metrics.counter('mail_digests_total', 'Digests formed, each one mail for many.');
    this.members = metrics.counter('mail_digested_deliveries_total', 'Deliveries that went out in a digest.');
  }

  private readonly formed: Counter;
  private readonly members: Counter;

  /** `claimed`: deliveries this `owner` holds the claims of. */
  async execute(claimed: readonly Delivery[], owner: string): Promise<ClosedWindows> {
    const closed: ClosedWindows = { ready: [], settled: new Map(), digests: [] };
    const waiting = new Map<string, { key: DigestKeyRef; members: Delivery[] }>();
    for (const delivery of claimed) {
      if (delivery.pendingReason !== 'digest_window' || delivery.digestKey === null) {
        closed.ready.push(delivery);
        continue;
      }
      const key = { tenantId: delivery.tenantId, digestKey: delivery.digestKey };
      const group = waiting.get(`${key.tenantId}\u0000${key.digestKey}`) ?? { key, members: [] };
      group.members.push(delivery);
      waiting.set(`${key.tenantId}\u0000${key.digestKey}`, group);
    }
    for (const { key, members } of waiting.values()) {
      const decided = await this.close(key);
      if (decided === 'alone') {
        closed.ready.push(...members.map((member) => ({ ...member, pendingReason: null })));
        continue;
      }
      if (decided !== 'busy') closed.digests.push({ tenantId: key.tenantId, deliveryId: decided.digest.id });
      for (const member of members) {
        if (decided !== 'busy' && decided.memberIds.includes(member.id)) {
          closed.settled.set(member.id, 'digested');
          continue;
        }
        await this.lookAgainSoon(member, owner);
        closed.settled.set(member.id, 'digest_pending');
      }
    }
    return closed;
  }

  /** Decides and applies one key's digest under its lock; 'busy' when another instance holds it. */
  private async close(key: DigestKeyRef): Promise<DigestPlan | 'alone' | 'busy'> {
    const now = this.clock.now();
    const lock = await this.locks.acquire(
      key,
      newId(now),
      now,
      new Date(now.getTime() + this.config.delivery.leaseMs),
    );
    if (!lock) return 'busy';
    if (lock.plan) return this.apply(lock, lock.plan, now);
    const members = await this.deliveries.findDigestMembers(key.tenantId, key.digestKey, DIGEST_MEMBERS_MAX);
    const decision = decideDigest(members, this.config.digest, now);
    if (decision.outcome === 'alone') {
      await this.deliveries.sendAlone(
        key.tenantId,
        members.map((member) => member.deliveryId),
        now,
      );
      await this.locks.release(lock);
      return 'alone';
    }
    const staged = await this.locks.stage(lock, { digest: decision.digest, memberIds: decision.memberIds });
    return staged?.plan ? this.apply(staged, staged.plan, now) : 'busy';
  }

  /** Writes the digest (once: its id is fixed by the plan), marks its members, frees the lock. */
  private async apply(lock: HeldDigestLock, plan: DigestPlan, now: Date): Promise<DigestPlan> {
    await this.deliveries.ensure(plan.digest);
    const marked = await this.deliveries.markDigested(lock.tenantId, plan.memberIds, plan.digest.id, now);
    await this.locks.release(lock);
    this.formed.inc();
    this.members.inc(marked);
    this.logger.info(
      {
        tenantId: lock.tenantId,
        digestKey: lock.digestKey,
        deliveryId: plan.digest.id,
        recipientId: plan.digest.recipientId,
        members: plan.memberIds.length,
        marked,
      },
      'digest formed',
    );
    return plan;
  }

  /** Releases a claimed mail, still waiting for its digest, to be looked at again shortly. */
  private async lookAgainSoon(member: Delivery, owner: string): Promise<void> {
    const now = this.clock.now();
    await this.deliveries.postpone(claimOf(member, owner), {
      nextAttemptAt: new Date(now.getTime() + DIGEST_BUSY_RETRY_MS),
      updatedAt: now,
    });
  }
}
