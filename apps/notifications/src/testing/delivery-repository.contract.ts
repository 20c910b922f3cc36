import { randomUUID } from 'node:crypto';
import { DeliveriesStream } from '@lms/contracts';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { planAssignmentDeliveries } from '../deliveries/domain/assignment-deliveries';
import type { Delivery, DeliveryRef } from '../deliveries/domain/delivery';
import type { DeliveryRepository } from '../deliveries/ports/delivery.repository';

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

    function planned(overrides: { eventId?: string; menteeId?: string } = {}): Delivery[] {
      return planAssignmentDeliveries(
        {
          eventId: overrides.eventId ?? randomUUID(),
          tenantId,
          type: 'assignment.created',
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
        () => randomUUID(),
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

    const refOf = (delivery: Delivery): DeliveryRef => ({
      tenantId: delivery.tenantId,
      deliveryId: delivery.id,
    });

    it('stores a delivery once per event, recipient and kind', async () => {
      const [first] = planned();
      const stored = await repository.ensure(first);
      const again = await repository.ensure({ ...first, id: randomUUID(), attempts: 3 });

      expect(stored).toEqual(first);
      expect(again).toEqual(first);
      expect(
        (await repository.list(tenantId, { sourceEventId: first.sourceEventId }, { limit: 10, offset: 0 }))
          .items,
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

      const byOther = await repository.markSent(
        refOf(delivery),
        'other',
        { sentAt: T0, attempts: 1, updatedAt: T0 },
        sentEvent(delivery),
      );
      const byHolder = await repository.markSent(
        refOf(delivery),
        'holder',
        { sentAt: T0, attempts: 1, updatedAt: T0 },
        sentEvent(delivery),
      );
      const twice = await repository.markSent(
        refOf(delivery),
        'holder',
        { sentAt: T0, attempts: 1, updatedAt: T0 },
        sentEvent(delivery),
      );

      expect([byOther, byHolder, twice]).toEqual([false, true, false]);
      const {
        items: [stored],
      } = await repository.list(tenantId, {}, { limit: 10, offset: 0 });
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
      await repository.markWaitingForRecipient(refOf(delivery), 'a', {
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
      await repository.markWaitingForRecipient(refOf(waiting), 'a', {
        nextAttemptAt: at(60_000),
        updatedAt: T0,
      });
      await repository.claim(refOf(coachDelivery), { now: T0, leaseUntil: at(30_000), owner: 'b' });

      expect(await repository.findWaitingForRecipient(tenantId, menteeId, 10)).toEqual([refOf(waiting)]);
      expect(await repository.findWaitingForRecipient('another-tenant', menteeId, 10)).toEqual([]);
      const dueAt = async (ms: number) =>
        (await repository.findDueAcrossTenants(at(ms), 1_000)).filter((ref) => ref.tenantId === tenantId);
      expect(await dueAt(29_999)).toEqual([]);
      expect(await dueAt(30_000)).toEqual([refOf(coachDelivery)]);
      expect((await dueAt(60_000)).map((ref) => ref.deliveryId).sort()).toEqual(
        [waiting.id, coachDelivery.id].sort(),
      );
    });

    it('pages the log, newest first, within the tenant', async () => {
      const older = planned();
      const newer = planAssignmentDeliveries(
        {
          eventId: randomUUID(),
          tenantId,
          type: 'assignment.ended',
          assignment: { ...older[0].context, coachIds: older[0].context.coachIds },
        },
        at(1_000),
        () => randomUUID(),
      );
      for (const delivery of [...older, ...newer]) await repository.ensure(delivery);

      const page = await repository.list(tenantId, {}, { limit: 3, offset: 0 });
      const rest = await repository.list(tenantId, {}, { limit: 3, offset: 3 });
      const pending = await repository.list(
        tenantId,
        { status: 'pending', recipientId: older[0].recipientId },
        { limit: 10, offset: 0 },
      );

      expect(
        page.items
          .slice(0, 2)
          .map((d) => d.kind)
          .sort(),
      ).toEqual(['assignment.ended.coach', 'assignment.ended.mentee']);
      expect(page.items).toHaveLength(3);
      expect(page.nextOffset).toBe(3);
      expect(rest.items).toHaveLength(1);
      expect(rest.nextOffset).toBeNull();
      expect(pending.items).toHaveLength(2);
      expect(await repository.list('another-tenant', {}, { limit: 10, offset: 0 })).toEqual({
        items: [],
        limit: 10,
        offset: 0,
        nextOffset: null,
      });
    });
  });
}
