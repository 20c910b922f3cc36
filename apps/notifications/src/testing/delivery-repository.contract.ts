import { randomUUID } from 'node:crypto';
import { DeliveriesStream } from '@lms/contracts';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { planAssignmentDeliveries } from '../deliveries/domain/assignment-deliveries';
import { DEFAULT_DIGEST_SETTINGS } from '../deliveries/domain/coach-digest';
import {
  assignmentContextOf,
  claimOf,
  type Delivery,
  type DeliveryClaim,
  type DeliveryRef,
} from '../deliveries/domain/delivery';
import type { DeliveryFilter, DeliveryRepository, SentMark } from '../deliveries/ports/delivery.repository';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

/**
 * What every {@link DeliveryRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describeDeliveryRepositoryContract(
  name: string,
  make: () => Promise<DeliveryRepository> | DeliveryRepository,
): void {
  describe(`${name} (delivery repository contract)`, () => {
    let repository: DeliveryRepository;
    let tenantId: string;

    beforeEach(async () => {
      repository = await make();
      tenantId = `tenant-${randomUUID()}`;
    });

    const DIGESTS_OFF = { ...DEFAULT_DIGEST_SETTINGS, windowMs: 0 };

    function planned(overrides: { eventId?: string; menteeId?: string } = {}): Delivery[] {
      return planAssignmentDeliveries(
        {
          eventId: overrides.eventId ?? randomUUID(),
          tenantId,
          type: 'assignment.created',
          version: 1,
          assignment: {
            assignmentId: randomUUID(),
            menteeId: overrides.menteeId ?? randomUUID(),
            coachIds: [randomUUID()],
            origin: 'individual',
            groupAssignmentId: null,
            groupId: null,
            startDate: '2026-03-02',
            endDate: null,
          },
        },
        T0,
        DIGESTS_OFF,
      );
    }

    function sentEvent(delivery: Delivery): OutboxEntry {
      return new EventFactory('notifications').create(DeliveriesStream, 'delivery.sent', {
        tenantId: delivery.tenantId,
        aggregateId: delivery.id,
        aggregateVersion: delivery.version + 1,
        payload: {
          deliveryId: delivery.id,
          recipientId: delivery.recipientId,
          kind: delivery.kind,
          sourceEventId: delivery.sourceEventId,
          channel: 'email',
          attempts: 1,
        },
      });
    }

    /** Records one mail sent; true when recorded by this claim. */
    async function markSent(
      claim: DeliveryClaim,
      update: SentMark['update'],
      event: OutboxEntry,
    ): Promise<boolean> {
      return (await repository.markSentMany([{ claim, update, event }])).has(claim.deliveryId);
    }

    const refOf = (delivery: Delivery): DeliveryRef => ({
      tenantId: delivery.tenantId,
      deliveryId: delivery.id,
    });

    /** New-mentee mails of one coach, each waiting for the digest window, recorded 1 ms apart. */
    async function waitingForDigest(
      count: number,
    ): Promise<{ coachId: string; key: string; mails: Delivery[] }> {
      const coachId = randomUUID();
      const digests = { ...DEFAULT_DIGEST_SETTINGS, windowMs: 60_000 };
      const mails = Array.from({ length: count }, (_, i) => {
        const [, forCoach] = planAssignmentDeliveries(
          {
            eventId: randomUUID(),
            tenantId,
            type: 'assignment.created',
            version: 1,
            assignment: {
              assignmentId: randomUUID(),
              menteeId: `mentee-${i}`,
              coachIds: [coachId],
              origin: 'individual',
              groupAssignmentId: null,
              groupId: null,
              startDate: '2026-03-02',
              endDate: null,
            },
          },
          at(i),
          digests,
        );
        return forCoach as Delivery;
      });
      await repository.ensureMany(mails);
      return { coachId, key: mails[0]?.digestKey ?? '', mails };
    }

    it("reads a digest key's mails still waiting for their window, due or not, claimed or not, oldest first", async () => {
      const { key, mails } = await waitingForDigest(4);
      await repository.claim(refOf(mails[1] as Delivery), {
        now: at(60_001),
        leaseUntil: at(120_000),
        owner: 'elsewhere',
      });
      const other = await waitingForDigest(1);

      const members = await repository.findDigestMembers(tenantId, key, 3);

      expect(members.map((m) => [m.deliveryId, m.menteeId])).toEqual(
        mails.slice(0, 3).map((m, i) => [m.id, `mentee-${i}`]),
      );
      expect(members[0]).toMatchObject({
        tenantId,
        recipientId: mails[0]?.recipientId,
        kind: 'assignment.created.coach',
        sourceEventId: mails[0]?.sourceEventId,
        sourceType: 'assignment.created',
      });
      expect(await repository.findDigestMembers('another-tenant', key, 10)).toEqual([]);
      expect((await repository.findDigestMembers(tenantId, other.key, 10)).map((m) => m.deliveryId)).toEqual([
        other.mails[0]?.id,
      ]);
    });

    it("marks a digest's members digested, voiding their claims, and only those still waiting", async () => {
      const { key, mails } = await waitingForDigest(3);
      const [claimed] = await repository.claimMany([refOf(mails[0] as Delivery)], {
        now: at(60_000),
        leaseUntil: at(120_000),
        owner: 'elsewhere',
      });

      const marked = await repository.markDigested(
        tenantId,
        mails.slice(0, 2).map((m) => m.id),
        'digest-1',
        at(61_000),
      );
      const again = await repository.markDigested(tenantId, [mails[0]?.id ?? ''], 'digest-2', at(62_000));
      const elsewhere = await repository.markDigested(
        'another-tenant',
        [mails[2]?.id ?? ''],
        'x',
        at(62_000),
      );

      expect([marked, again, elsewhere]).toEqual([2, 0, 0]);
      expect(await repository.find(refOf(mails[0] as Delivery))).toMatchObject({
        status: 'digested',
        digestId: 'digest-1',
        pendingReason: null,
        version: 2,
      });
      expect(
        await markSent(
          claimOf(claimed as Delivery, 'elsewhere'),
          { sentAt: at(63_000), attempts: 1, updatedAt: at(63_000) },
          sentEvent(claimed as Delivery),
        ),
      ).toBe(false);
      expect((await repository.findDigestMembers(tenantId, key, 10)).map((m) => m.deliveryId)).toEqual([
        mails[2]?.id,
      ]);
    });

    it('sends mails alone: due now, no longer waiting, their claims kept; postponing keeps a mail waiting', async () => {
      const { key, mails } = await waitingForDigest(2);
      const [first, second] = mails as [Delivery, Delivery];
      const claimed = await repository.claim(refOf(first), {
        now: at(60_000),
        leaseUntil: at(120_000),
        owner: 'me',
      });
      const other = await repository.claim(refOf(second), {
        now: at(60_001),
        leaseUntil: at(120_000),
        owner: 'elsewhere',
      });

      expect(await repository.sendAlone(tenantId, [first.id], at(60_500))).toBe(1);
      expect(
        await repository.postpone(claimOf(other as Delivery, 'elsewhere'), {
          nextAttemptAt: at(61_000),
          updatedAt: at(60_500),
        }),
      ).toBe(true);

      expect(await repository.find(refOf(first))).toMatchObject({
        status: 'pending',
        pendingReason: null,
        nextAttemptAt: at(60_500),
      });
      expect(await repository.find(refOf(second))).toMatchObject({
        status: 'pending',
        pendingReason: 'digest_window',
        nextAttemptAt: at(61_000),
        version: 2,
      });
      expect(
        await markSent(
          claimOf(claimed as Delivery, 'me'),
          { sentAt: at(60_600), attempts: 1, updatedAt: at(60_600) },
          sentEvent(claimed as Delivery),
        ),
      ).toBe(true);
      expect((await repository.findDigestMembers(tenantId, key, 10)).map((m) => m.deliveryId)).toEqual([
        second.id,
      ]);
    });

    it('records many sent mails in one write, leaving out those whose claims were lost', async () => {
      const deliveries = [...planned(), ...planned()];
      await repository.ensureMany(deliveries);
      const claimed = await repository.claimMany(deliveries.map(refOf), {
        now: T0,
        leaseUntil: at(60_000),
        owner: 'me',
      });
      const lost = claimed[1] as Delivery;
      // Its lease ran out; another instance took it over.
      await repository.claim(refOf(lost), { now: at(60_000), leaseUntil: at(120_000), owner: 'other' });

      const recorded = await repository.markSentMany(
        claimed.map((delivery) => ({
          claim: claimOf(delivery, 'me'),
          update: { sentAt: at(60_001), attempts: 1, updatedAt: at(60_001) },
          event: sentEvent(delivery),
        })),
      );

      expect([...recorded].sort()).toEqual(
        claimed
          .filter((d) => d.id !== lost.id)
          .map((d) => d.id)
          .sort(),
      );
      expect(await repository.find(refOf(lost))).toMatchObject({ status: 'pending', version: 1 });
      expect(await repository.find(refOf(claimed[0] as Delivery))).toMatchObject({
        status: 'sent',
        sentAt: at(60_001),
        version: 2,
      });
      expect(await repository.markSentMany([])).toEqual(new Set());
    });

    it('stores a delivery once per event, recipient and kind', async () => {
      const [first] = planned();
      const stored = await repository.ensure(first);
      const again = await repository.ensure({ ...first, id: randomUUID(), attempts: 3 });

      expect(stored).toEqual(first);
      expect(again).toEqual(first);
      expect(
        (await repository.list(tenantId, { sourceEventId: first.sourceEventId }, { limit: 10 })).items,
      ).toEqual([first]);
    });

    it('lets one claimant in while the lease runs, and another after it expired', async () => {
      const [delivery] = planned();
      await repository.ensure(delivery);

      const claims = await Promise.all(
        ['a', 'b', 'c'].map((owner) =>
          repository.claim(refOf(delivery), { now: T0, leaseUntil: at(60_000), owner }),
        ),
      );
      const later = await repository.claim(refOf(delivery), {
        now: at(59_999),
        leaseUntil: at(120_000),
        owner: 'd',
      });
      const afterLease = await repository.claim(refOf(delivery), {
        now: at(60_000),
        leaseUntil: at(120_000),
        owner: 'e',
      });

      expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
      expect(later).toBeNull();
      expect(afterLease).toMatchObject({ id: delivery.id, status: 'pending' });
    });

    it('accepts a change only from the claim holder, and releases the claim', async () => {
      const [delivery] = planned();
      await repository.ensure(delivery);
      await repository.claim(refOf(delivery), { now: T0, leaseUntil: at(60_000), owner: 'holder' });

      const byOther = await markSent(
        claimOf(delivery, 'other'),
        { sentAt: T0, attempts: 1, updatedAt: T0 },
        sentEvent(delivery),
      );
      const byHolder = await markSent(
        claimOf(delivery, 'holder'),
        { sentAt: T0, attempts: 1, updatedAt: T0 },
        sentEvent(delivery),
      );
      // The same mark again (a retry after a lost answer) finds it recorded and changes nothing;
      // another mark of the same claim (a copy sent later) is refused.
      const retried = await markSent(
        claimOf(delivery, 'holder'),
        { sentAt: T0, attempts: 1, updatedAt: T0 },
        sentEvent(delivery),
      );
      const later = await markSent(
        claimOf(delivery, 'holder'),
        { sentAt: at(1), attempts: 1, updatedAt: at(1) },
        sentEvent(delivery),
      );

      expect([byOther, byHolder, retried, later]).toEqual([false, true, true, false]);
      const {
        items: [stored],
      } = await repository.list(tenantId, {}, { limit: 10 });
      expect(stored).toMatchObject({
        status: 'sent',
        attempts: 1,
        sentAt: T0,
        version: 2,
        pendingReason: null,
      });
      expect(
        await repository.claim(refOf(delivery), { now: at(120_000), leaseUntil: at(180_000), owner: 'x' }),
      ).toBeNull();
    });

    it('claims a delivery before its next attempt only when told to ignore the schedule', async () => {
      const [delivery] = planned();
      await repository.ensure(delivery);
      await repository.claim(refOf(delivery), { now: T0, leaseUntil: at(1_000), owner: 'a' });
      await repository.markWaitingForRecipient(claimOf(delivery, 'a'), {
        nextAttemptAt: at(60_000),
        updatedAt: T0,
      });

      const early = await repository.claim(refOf(delivery), {
        now: at(2_000),
        leaseUntil: at(3_000),
        owner: 'b',
      });
      const forced = await repository.claim(refOf(delivery), {
        now: at(2_000),
        leaseUntil: at(3_000),
        owner: 'c',
        ignoreSchedule: true,
      });

      expect(early).toBeNull();
      expect(forced).toMatchObject({ pendingReason: 'waiting_recipient' });
    });

    it('finds the deliveries waiting for a recipient, and the due ones of every tenant', async () => {
      const menteeId = randomUUID();
      const [waiting, coachDelivery] = planned({ menteeId });
      await repository.ensure(waiting);
      await repository.ensure(coachDelivery);
      await repository.claim(refOf(waiting), { now: T0, leaseUntil: at(1_000), owner: 'a' });
      await repository.markWaitingForRecipient(claimOf(waiting, 'a'), {
        nextAttemptAt: at(60_000),
        updatedAt: T0,
      });
      await repository.claim(refOf(coachDelivery), { now: T0, leaseUntil: at(30_000), owner: 'b' });

      expect(await repository.findWaitingFor([{ tenantId, recipientId: menteeId }])).toEqual([
        { tenantId, recipientId: menteeId, deliveryIds: [waiting.id] },
      ]);
      expect(
        await repository.findWaitingFor([{ tenantId: 'another-tenant', recipientId: menteeId }]),
      ).toEqual([]);
      const dueAt = async (ms: number) =>
        (await repository.findDueAcrossTenants(at(ms), 1_000)).filter((ref) => ref.tenantId === tenantId);
      expect(await dueAt(29_999)).toEqual([]);
      expect(await dueAt(30_000)).toEqual([refOf(coachDelivery)]);
      expect((await dueAt(60_000)).map((ref) => ref.deliveryId).sort()).toEqual(
        [waiting.id, coachDelivery.id].sort(),
      );
    });

    it('stores a batch in one call, once per natural key, and returns what is stored in the order given', async () => {
      const [existing, other] = planned();
      const [mentee2, coach2] = planned();
      const storedBefore = await repository.ensure(existing);
      await repository.claim(refOf(existing), { now: T0, leaseUntil: at(1_000), owner: 'a' });
      await repository.markRetry(claimOf(storedBefore, 'a'), {
        attempts: 1,
        nextAttemptAt: at(30_000),
        lastError: 'timeout',
        updatedAt: T0,
      });

      const stored = await repository.ensureMany([existing, other, mentee2, coach2, mentee2]);

      expect(stored.map((d) => d.id)).toEqual([existing.id, other.id, mentee2.id, coach2.id, mentee2.id]);
      expect(stored[0]).toMatchObject({ attempts: 1, pendingReason: 'retry_backoff', version: 2 });
      expect(stored.slice(1)).toEqual([other, mentee2, coach2, mentee2]);
      expect((await repository.list(tenantId, {}, { limit: 10 })).items).toHaveLength(4);
      expect(await repository.ensureMany([])).toEqual([]);
    });

    it('claims many at once: each delivery for one claimant only, and only what is claimable', async () => {
      const deliveries = [...planned(), ...planned(), ...planned()];
      await repository.ensureMany(deliveries);
      const [notDue, sent, ...rest] = deliveries as [Delivery, Delivery, ...Delivery[]];
      await repository.claim(refOf(notDue), { now: T0, leaseUntil: at(1_000), owner: 'x' });
      await repository.markRetry(claimOf(notDue, 'x'), {
        attempts: 1,
        nextAttemptAt: at(60_000),
        updatedAt: T0,
      });
      await repository.claim(refOf(sent), { now: T0, leaseUntil: at(1_000), owner: 'y' });
      await markSent(claimOf(sent, 'y'), { sentAt: T0, attempts: 1, updatedAt: T0 }, sentEvent(sent));
      const refs = deliveries.map(refOf);
      const ofAnotherTenant = refs.map((ref) => ({ ...ref, tenantId: 'another-tenant' }));
      expect(
        await repository.claimMany(ofAnotherTenant, { now: at(2_000), leaseUntil: at(62_000), owner: 'z' }),
      ).toEqual([]);

      const [first, second] = await Promise.all(
        ['a', 'b'].map((owner) =>
          repository.claimMany(refs, { now: at(2_000), leaseUntil: at(62_000), owner }),
        ),
      );

      const taken = [...(first ?? []), ...(second ?? [])].map((d) => d.id).sort();
      expect(taken).toEqual(rest.map((d) => d.id).sort());
      expect(
        await repository.claimMany(refs, { now: at(3_000), leaseUntil: at(63_000), owner: 'c' }),
      ).toEqual([]);
      const afterLease = await repository.claimMany(refs, {
        now: at(62_000),
        leaseUntil: at(122_000),
        owner: 'd',
        ignoreSchedule: true,
      });
      expect(afterLease.map((d) => d.id).sort()).toEqual([notDue, ...rest].map((d) => d.id).sort());
    });

    it('refuses a change from a claim that expired and was taken over, even by the same owner name', async () => {
      const [delivery] = planned();
      await repository.ensure(delivery);
      const first = await repository.claim(refOf(delivery), {
        now: T0,
        leaseUntil: at(1_000),
        owner: 'first',
      });
      const second = await repository.claim(refOf(delivery), {
        now: at(1_000),
        leaseUntil: at(2_000),
        owner: 'second',
      });
      expect(first && second).toBeTruthy();

      const late = await repository.markRetry(claimOf(first as Delivery, 'first'), {
        attempts: 1,
        nextAttemptAt: at(30_000),
        updatedAt: at(1_500),
      });
      const current = await repository.markRetry(claimOf(second as Delivery, 'second'), {
        attempts: 1,
        nextAttemptAt: at(30_000),
        updatedAt: at(1_500),
      });
      const replayed = await repository.markCancelled(claimOf(second as Delivery, 'second'), {
        lastError: 'late',
        updatedAt: at(1_600),
      });

      expect([late, current, replayed]).toEqual([false, true, false]);
      const {
        items: [stored],
      } = await repository.list(
        tenantId,
        { sourceEventId: delivery.sourceEventId, recipientId: delivery.recipientId },
        { limit: 10 },
      );
      expect(stored).toMatchObject({ status: 'pending', pendingReason: 'retry_backoff', version: 2 });
    });

    it('lists a waiting delivery on its recipient, once, and forgets it when told', async () => {
      const menteeId = randomUUID();
      const [first] = planned({ menteeId });
      const [second] = planned({ menteeId });
      await repository.ensureMany([first, second]);
      for (const [delivery, owner, now] of [
        [first, 'a', 0],
        [second, 'b', 0],
        [first, 'c', 60_000],
      ] as const) {
        const claimed = await repository.claim(refOf(delivery), {
          now: at(now),
          leaseUntil: at(now + 1_000),
          owner,
          ignoreSchedule: true,
        });
        await repository.markWaitingForRecipient(claimOf(claimed as Delivery, owner), {
          nextAttemptAt: at(now + 60_000),
          updatedAt: at(now),
        });
      }

      const [entry] = await repository.findWaitingFor([
        { tenantId, recipientId: menteeId },
        { tenantId, recipientId: randomUUID() },
      ]);
      expect(entry?.deliveryIds.sort()).toEqual([first.id, second.id].sort());

      await repository.forgetWaiting([{ tenantId, recipientId: menteeId, deliveryIds: [first.id] }]);

      expect(await repository.findWaitingFor([{ tenantId, recipientId: menteeId }])).toEqual([
        { tenantId, recipientId: menteeId, deliveryIds: [second.id] },
      ]);
      await repository.forgetWaiting([{ tenantId, recipientId: menteeId, deliveryIds: [second.id] }]);
      expect(await repository.findWaitingFor([{ tenantId, recipientId: menteeId }])).toEqual([]);
    });

    it('finds one delivery by id, within the tenant only', async () => {
      const [delivery] = planned();
      await repository.ensure(delivery);

      expect(await repository.find(refOf(delivery))).toEqual(delivery);
      expect(await repository.find({ tenantId: 'another-tenant', deliveryId: delivery.id })).toBeNull();
      expect(await repository.find({ tenantId, deliveryId: randomUUID() })).toBeNull();
    });

    it('puts a parked delivery back to pending from the version read only, keeping its attempts and last error', async () => {
      const [delivery] = planned();
      await repository.ensure(delivery);
      await repository.claim(refOf(delivery), { now: T0, leaseUntil: at(1_000), owner: 'a' });
      await repository.markFailed(
        claimOf(delivery, 'a'),
        { attempts: 1, lastError: '550 mailbox unavailable', updatedAt: T0 },
        sentEvent(delivery),
      );
      const parked = (await repository.find(refOf(delivery))) as Delivery;

      const byOtherTenant = await repository.requeue({ ...refOf(delivery), tenantId: 'another-tenant' }, 2, {
        nextAttemptAt: at(5_000),
        updatedAt: at(5_000),
      });
      const requeued = await repository.requeue(refOf(delivery), parked.version, {
        nextAttemptAt: at(5_000),
        updatedAt: at(5_000),
      });
      const again = await repository.requeue(refOf(delivery), parked.version, {
        nextAttemptAt: at(6_000),
        updatedAt: at(6_000),
      });

      expect([byOtherTenant, requeued, again]).toEqual(['stale', 'written', 'stale']);
      expect(await repository.find(refOf(delivery))).toEqual({
        ...parked,
        status: 'pending',
        pendingReason: null,
        nextAttemptAt: at(5_000),
        updatedAt: at(5_000),
        version: parked.version + 1,
      });
      expect(parked).toMatchObject({ status: 'failed', attempts: 1, lastError: '550 mailbox unavailable' });
      expect(
        await repository.claim(refOf(delivery), { now: at(5_000), leaseUntil: at(6_000), owner: 'b' }),
      ).toMatchObject({ attempts: 1, lastError: '550 mailbox unavailable' });
    });

    it('never puts back a delivery someone holds', async () => {
      const [delivery] = planned();
      await repository.ensure(delivery);
      await repository.claim(refOf(delivery), { now: T0, leaseUntil: at(60_000), owner: 'holder' });

      expect(
        await repository.requeue(refOf(delivery), delivery.version, { nextAttemptAt: T0, updatedAt: T0 }),
      ).toBe('stale');
    });

    it('lists the log by kind and by time of creation, the start included and the end not', async () => {
      const older = planned();
      const newer = planAssignmentDeliveries(
        {
          eventId: randomUUID(),
          tenantId,
          type: 'assignment.ended',
          version: 2,
          assignment: assignmentContextOf(older[0]),
        },
        at(1_000),
        DIGESTS_OFF,
      );
      await repository.ensureMany([...older, ...newer]);
      const kinds = async (filter: DeliveryFilter) =>
        (await repository.list(tenantId, filter, { limit: 10 })).items.map((d) => d.kind).sort();

      expect(await kinds({ kind: 'assignment.ended.mentee' })).toEqual(['assignment.ended.mentee']);
      expect(await kinds({ kind: 'assignment.created.coach', recipientId: older[1].recipientId })).toEqual([
        'assignment.created.coach',
      ]);
      expect(await kinds({ from: at(1_000) })).toEqual(['assignment.ended.coach', 'assignment.ended.mentee']);
      expect(await kinds({ to: at(1_000) })).toEqual([
        'assignment.created.coach',
        'assignment.created.mentee',
      ]);
      expect(await kinds({ from: T0, to: at(1) })).toEqual([
        'assignment.created.coach',
        'assignment.created.mentee',
      ]);
      expect(await kinds({ from: at(1), to: at(1_000) })).toEqual([]);
    });

    it('pages the log, newest first, within the tenant', async () => {
      const older = planned();
      const newer = planAssignmentDeliveries(
        {
          eventId: randomUUID(),
          tenantId,
          type: 'assignment.ended',
          version: 2,
          assignment: assignmentContextOf(older[0]),
        },
        at(1_000),
        DIGESTS_OFF,
      );
      for (const delivery of [...older, ...newer]) await repository.ensure(delivery);

      const page = await repository.list(tenantId, {}, { limit: 3 });
      const rest = await repository.list(tenantId, {}, { limit: 3, cursor: page.nextCursor ?? undefined });
      const pending = await repository.list(
        tenantId,
        { status: 'pending', recipientId: older[0].recipientId },
        { limit: 10 },
      );

      expect(
        page.items
          .slice(0, 2)
          .map((d) => d.kind)
          .sort(),
      ).toEqual(['assignment.ended.coach', 'assignment.ended.mentee']);
      expect(page.items).toHaveLength(3);
      expect(page.nextCursor).toEqual(expect.any(String));
      expect(rest.items).toHaveLength(1);
      expect(rest.nextCursor).toBeNull();
      // Each delivery once, newest first; those created at the same time by id, descending.
      expect([...page.items, ...rest.items].map((d) => d.id)).toEqual([
        ...newer
          .map((d) => d.id)
          .sort()
          .reverse(),
        ...older
          .map((d) => d.id)
          .sort()
          .reverse(),
      ]);
      expect(pending.items).toHaveLength(2);
      expect(await repository.list('another-tenant', {}, { limit: 10 })).toEqual({
        items: [],
        limit: 10,
        nextCursor: null,
      });
    });
  });
}
