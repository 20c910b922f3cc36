import type { Collection, Db } from 'mongodb';
import { DeliveriesStream } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { DEFAULT_DIGEST_SETTINGS } from '../../apps/notifications/src/deliveries/domain/coach-digest';
import type { Delivery } from '../../apps/notifications/src/deliveries/domain/delivery';
import { assignmentCreated, plannedDeliveries } from './assignment-burst';

const TENANT = 'bench-mail-floor';
const DIGESTS_OFF = { ...DEFAULT_DIGEST_SETTINGS, windowMs: 0 };
const notifications = new EventFactory('notifications');

/** A delivery as the floor stores it: the platform's fields, keyed by its id, with an outbox. */
type FloorDelivery = Omit<Delivery, 'id'> & { _id: string; outbox: OutboxEntry[] };

/** What a run of the plain client does around each chunk of mails it sends. */
export interface ChunkWork {
  /** Before the chunk's mails are sent (given their indexes in the run). */
  before(mails: readonly number[]): Promise<void>;
  /** Once the server accepted every mail of the chunk. */
  after(mails: readonly number[]): Promise<void>;
}

/**
 * The database writes no sender of these mails can do without, once each mail (NO-2): its
 * delivery recorded before it is sent (one insert per chunk, under the natural-key unique
 * index that keeps a redelivered event from recording it twice), marked sent with its
 * `delivery.sent` event once the server accepted it (one bulk of updates by `_id`), and the
 * event removed once published (the relay's bulk `$pull`). No Kafka, no claim, no read: the
 * least a mail costs the database, in a scratch database of its own.
 */
export async function deliveryFloor(db: Db): Promise<ChunkWork> {
  const deliveries: Collection<FloorDelivery> = db.collection<FloorDelivery>('deliveries');
  await deliveries.createIndex({ tenantId: 1, sourceEventId: 1, recipientId: 1, kind: 1 }, { unique: true });
  const planned = new Map<number, FloorDelivery>();
  return {
    async before(mails) {
      // One assignment for every two mails: its mentee's delivery and its coach's.
      const events = Array.from({ length: Math.ceil(mails.length / 2) }, () =>
        assignmentCreated(TENANT, newId(), newId()),
      );
      const docs = plannedDeliveries(events, DIGESTS_OFF)
        .slice(0, mails.length)
        .map(({ id, ...delivery }): FloorDelivery => ({ _id: id, ...delivery, outbox: [] }));
      docs.forEach((doc, at) => planned.set(mails[at] as number, doc));
      await deliveries.insertMany(docs, { ordered: false });
    },
    async after(mails) {
      const docs = mails.map((mail) => planned.get(mail) as FloorDelivery);
      mails.forEach((mail) => planned.delete(mail));
      const sentAt = new Date();
      const sent = docs.map((doc) => ({ id: doc._id, event: sentEvent(doc, sentAt) }));
      await deliveries.bulkWrite(
        sent.map(({ id, event }) => ({
          updateOne: {
            filter: { _id: id },
            update: {
              $set: { status: 'sent', sentAt, attempts: 1, updatedAt: sentAt },
              $inc: { version: 1 },
              $push: { outbox: event },
            },
          },
        })),
        { ordered: false },
      );
      await deliveries.bulkWrite(
        sent.map(({ id, event }) => ({
          updateOne: {
            filter: { _id: id },
            update: { $pull: { outbox: { eventId: event.eventId } } },
          },
        })),
        { ordered: false },
      );
    },
  };
}

/** Its `delivery.sent` event, made as the platform's sender makes it. */
function sentEvent(doc: FloorDelivery, sentAt: Date): OutboxEntry {
  return notifications.create(DeliveriesStream, 'delivery.sent', {
    tenantId: doc.tenantId,
    aggregateId: doc._id,
    aggregateVersion: doc.version + 1,
    occurredAt: sentAt,
    payload: {
      deliveryId: doc._id,
      recipientId: doc.recipientId,
      kind: doc.kind,
      sourceEventId: doc.sourceEventId,
      channel: doc.channel,
      attempts: 1,
    },
  });
}
