import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { DigestMember } from '../deliveries/domain/coach-digest';
import type { Delivery, DeliveryClaim, DeliveryRef } from '../deliveries/domain/delivery';
import { takeTurns } from '../deliveries/domain/tenant-fairness';
import type {
  ClaimRequest,
  DeliveryFilter,
  DeliveryRepository,
  DeliveryUpdate,
  RecipientRef,
  SentMark,
  WaitingDeliveries,
} from '../deliveries/ports/delivery.repository';

/** The delivery log's order, as the Mongo repository sorts: newest first, ties by id. */
const NEWEST_FIRST: ReadonlyArray<MemorySortKey<Delivery>> = [
  ['createdAt', (d) => d.createdAt, -1],
  ['_id', (d) => d.id, -1],
];

interface Row {
  delivery: Delivery;
  lockedUntil: Date;
  lockOwner: string | null;
  outbox: OutboxEntry[];
}

/** Deliveries in memory, with the natural-key uniqueness and the claim rules of the Mongo repository. */
export class InMemoryDeliveryRepository implements DeliveryRepository {
  private readonly rows = new Map<string, Row>();

  /** Waiting lists by `${tenantId}:${recipientId}`. */
  private readonly waiting = new Map<string, WaitingDeliveries>();

  async ensureMany(deliveries: readonly Delivery[]): Promise<Delivery[]> {
    const stored: Delivery[] = [];
    for (const delivery of deliveries) stored.push(await this.ensure(delivery));
    return stored;
  }

  async ensure(delivery: Delivery): Promise<Delivery> {
    const existing = [...this.rows.values()].find(
      ({ delivery: d }) =>
        d.tenantId === delivery.tenantId &&
        d.sourceEventId === delivery.sourceEventId &&
        d.recipientId === delivery.recipientId &&
        d.kind === delivery.kind,
    );
    if (existing) return clone(existing.delivery);
    this.rows.set(delivery.id, {
      delivery: clone(delivery),
      lockedUntil: new Date(0),
      lockOwner: null,
      outbox: [],
    });
    return clone(delivery);
  }

  async claimMany(refs: readonly DeliveryRef[], request: ClaimRequest): Promise<Delivery[]> {
    const claimed: Delivery[] = [];
    for (const ref of new Map(refs.map((r) => [r.deliveryId, r])).values()) {
      const delivery = await this.claim(ref, request);
      if (delivery) claimed.push(delivery);
    }
    return claimed;
  }

  async claim(ref: DeliveryRef, request: ClaimRequest): Promise<Delivery | null> {
    const row = this.row(ref);
    if (!row || row.delivery.status !== 'pending') return null;
    if (row.lockedUntil.getTime() > request.now.getTime()) return null;
    if (!request.ignoreSchedule && row.delivery.nextAttemptAt.getTime() > request.now.getTime()) return null;
    row.lockedUntil = request.leaseUntil;
    row.lockOwner = request.owner;
    return clone(row.delivery);
  }

  async markWaitingForRecipient(claim: DeliveryClaim, update: DeliveryUpdate): Promise<boolean> {
    const key = `${claim.tenantId}:${claim.recipientId}`;
    const entry = this.waiting.get(key) ?? {
      tenantId: claim.tenantId,
      recipientId: claim.recipientId,
      deliveryIds: [],
    };
    if (!entry.deliveryIds.includes(claim.deliveryId)) entry.deliveryIds.push(claim.deliveryId);
    this.waiting.set(key, entry);
    return this.change(claim, update, { pendingReason: 'waiting_recipient' });
  }

  async markRetry(claim: DeliveryClaim, update: DeliveryUpdate): Promise<boolean> {
    return this.change(claim, update, { pendingReason: 'retry_backoff' });
  }

  async markSentMany(marks: readonly SentMark[]): Promise<Set<string>> {
    const recorded = new Set<string>();
    for (const { claim, update, event } of marks) {
      const row = this.row(claim);
      const before =
        row?.delivery.status === 'sent' &&
        row.delivery.version === claim.version + 1 &&
        row.delivery.sentAt?.getTime() === update.sentAt.getTime();
      if (before || this.change(claim, update, { status: 'sent', pendingReason: null }, event)) {
        recorded.add(claim.deliveryId);
      }
    }
    return recorded;
  }

  async markFailed(claim: DeliveryClaim, update: DeliveryUpdate, event: OutboxEntry): Promise<boolean> {
    return this.change(claim, update, { status: 'failed', pendingReason: null }, event);
  }

  async markCancelled(claim: DeliveryClaim, update: DeliveryUpdate): Promise<boolean> {
    return this.change(claim, update, { status: 'cancelled', pendingReason: null });
  }

  async postpone(claim: DeliveryClaim, update: DeliveryUpdate): Promise<boolean> {
    return this.change(claim, update, {});
  }

  async findDigestMembers(tenantId: string, digestKey: string, limit: number): Promise<DigestMember[]> {
    return this.waitingForDigest(tenantId, digestKey)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((d) => ({
        deliveryId: d.id,
        tenantId: d.tenantId,
        recipientId: d.recipientId,
        kind: d.kind,
        sourceEventId: d.sourceEventId,
        sourceType: d.sourceType,
        menteeId: 'menteeId' in d.context ? d.context.menteeId : '',
      }));
  }

  async markDigested(
    tenantId: string,
    deliveryIds: readonly string[],
    digestId: string,
    now: Date,
  ): Promise<number> {
    return this.changeWaitingMembers(tenantId, deliveryIds, (row) => {
      row.delivery = {
        ...row.delivery,
        status: 'digested',
        digestId,
        pendingReason: null,
        updatedAt: now,
        version: row.delivery.version + 1,
      };
      row.lockedUntil = new Date(0);
      row.lockOwner = null;
    });
  }

  async sendAlone(tenantId: string, deliveryIds: readonly string[], now: Date): Promise<number> {
    return this.changeWaitingMembers(tenantId, deliveryIds, (row) => {
      row.delivery = { ...row.delivery, pendingReason: null, nextAttemptAt: now, updatedAt: now };
    });
  }

  private changeWaitingMembers(
    tenantId: string,
    deliveryIds: readonly string[],
    change: (row: Row) => void,
  ): number {
    let changed = 0;
    for (const deliveryId of new Set(deliveryIds)) {
      const row = this.row({ tenantId, deliveryId });
      if (row?.delivery.status !== 'pending' || row.delivery.pendingReason !== 'digest_window') continue;
      change(row);
      changed += 1;
    }
    return changed;
  }

  private waitingForDigest(tenantId: string, digestKey: string): Delivery[] {
    return this.all().filter(
      (d) =>
        d.tenantId === tenantId &&
        d.digestKey === digestKey &&
        d.status === 'pending' &&
        d.pendingReason === 'digest_window',
    );
  }

  async findWaitingFor(recipients: readonly RecipientRef[]): Promise<WaitingDeliveries[]> {
    const keys = new Set(recipients.map((r) => `${r.tenantId}:${r.recipientId}`));
    return [...keys].flatMap((key) => {
      const entry = this.waiting.get(key);
      return entry && entry.deliveryIds.length > 0 ? [structuredClone(entry)] : [];
    });
  }

  async forgetWaiting(entries: readonly WaitingDeliveries[]): Promise<void> {
    for (const entry of entries) {
      const stored = this.waiting.get(`${entry.tenantId}:${entry.recipientId}`);
      if (stored) stored.deliveryIds = stored.deliveryIds.filter((id) => !entry.deliveryIds.includes(id));
    }
  }

  async findDueAcrossTenants(now: Date, limit: number): Promise<DeliveryRef[]> {
    const due = [...this.rows.values()]
      .filter(
        ({ delivery, lockedUntil }) =>
          delivery.status === 'pending' &&
          delivery.nextAttemptAt.getTime() <= now.getTime() &&
          lockedUntil.getTime() <= now.getTime(),
      )
      .map(({ delivery }) => delivery)
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.id < b.id ? -1 : 1));
    const tenants = [...new Set(due.map((delivery) => delivery.tenantId))].sort();
    const queues = tenants.map((tenantId) =>
      due
        .filter((delivery) => delivery.tenantId === tenantId)
        .slice(0, limit)
        .map(refOf),
    );
    return takeTurns(queues, limit);
  }

  async makeDue(refs: readonly DeliveryRef[], now: Date): Promise<DeliveryRef[]> {
    const made: DeliveryRef[] = [];
    for (const ref of refs) {
      const row = this.row(ref);
      if (row?.delivery.status !== 'pending') continue;
      row.delivery.nextAttemptAt = new Date(now);
      made.push(refOf(row.delivery));
    }
    return made;
  }

  async find(ref: DeliveryRef): Promise<Delivery | null> {
    const row = this.row(ref);
    return row ? clone(row.delivery) : null;
  }

  async requeue(
    ref: DeliveryRef,
    expectedVersion: number,
    update: { nextAttemptAt: Date; updatedAt: Date },
  ): Promise<WriteOutcome> {
    const row = this.row(ref);
    if (!row || row.lockOwner !== null || row.delivery.version !== expectedVersion) return 'stale';
    row.delivery = {
      ...row.delivery,
      status: 'pending',
      pendingReason: null,
      nextAttemptAt: update.nextAttemptAt,
      updatedAt: update.updatedAt,
      version: row.delivery.version + 1,
    };
    row.lockedUntil = new Date(0);
    return 'written';
  }

  async list(tenantId: string, filter: DeliveryFilter, page: PageRequest): Promise<Page<Delivery>> {
    const matching = this.all().filter(
      (d) =>
        d.tenantId === tenantId &&
        (filter.recipientId === undefined || d.recipientId === filter.recipientId) &&
        (filter.sourceEventId === undefined || d.sourceEventId === filter.sourceEventId) &&
        (filter.status === undefined || d.status === filter.status) &&
        (filter.kind === undefined || d.kind === filter.kind) &&
        (filter.from === undefined || d.createdAt.getTime() >= filter.from.getTime()) &&
        (filter.to === undefined || d.createdAt.getTime() < filter.to.getTime()),
    );
    return slicePage(matching, page, NEWEST_FIRST);
  }

  /** Test view: every delivery as stored. */
  all(): Delivery[] {
    return [...this.rows.values()].map(({ delivery }) => clone(delivery));
  }

  /** Test view: the events written with the deliveries' changes. */
  outbox(): OutboxEntry[] {
    return [...this.rows.values()].flatMap(({ outbox }) => outbox);
  }

  /** Test hook: another instance holds the claim until `until`. */
  lock(ref: DeliveryRef, until: Date, owner = 'another-instance'): void {
    const row = this.row(ref);
    if (!row) throw new Error(`no delivery ${ref.deliveryId}`);
    row.lockedUntil = until;
    row.lockOwner = owner;
  }

  private change(
    claim: DeliveryClaim,
    update: DeliveryUpdate,
    fields: Partial<Delivery>,
    event?: OutboxEntry,
  ): boolean {
    const row = this.row(claim);
    if (
      !row ||
      row.delivery.status !== 'pending' ||
      row.lockOwner !== claim.owner ||
      row.delivery.version !== claim.version
    ) {
      return false;
    }
    row.delivery = {
      ...row.delivery,
      ...fields,
      ...definedOnly(update),
      version: row.delivery.version + 1,
    };
    row.lockedUntil = new Date(0);
    row.lockOwner = null;
    if (event) row.outbox.push(event);
    return true;
  }

  private row(ref: DeliveryRef): Row | undefined {
    const row = this.rows.get(ref.deliveryId);
    return row && row.delivery.tenantId === ref.tenantId ? row : undefined;
  }
}

function refOf(delivery: Delivery): DeliveryRef {
  return { tenantId: delivery.tenantId, deliveryId: delivery.id };
}

function clone(delivery: Delivery): Delivery {
  return structuredClone(delivery);
}

function definedOnly(update: DeliveryUpdate): Partial<Delivery> {
  return Object.fromEntries(
    Object.entries(update).filter(([, value]) => value !== undefined),
  ) as Partial<Delivery>;
}
