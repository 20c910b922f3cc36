import type { Collection, Db } from 'mongodb';
import { newId } from '@lms/kernel';
import { DeliveriesStream } from '@lms/contracts';
import { rawOutboxEntry, type RawOutboxEntry } from '../platform/raw-outbox-entry';
import { planAssignmentDeliveries } from '../../apps/notifications/src/deliveries/domain/assignment-deliveries';
import { DEFAULT_DIGEST_SETTINGS } from '../../apps/notifications/src/deliveries/domain/coach-digest';
import type { Delivery } from '../../apps/notifications/src/deliveries/domain/delivery';

const TENANT = 'bench-mail-floor';
const DIGESTS_OFF = { ...DEFAULT_DIGEST_SETTINGS, windowMs: 0 };

/** A delivery as the floor stores it: the platform's fields, keyed by its id, with an outbox. */
type FloorDelivery = Omit<Delivery, 'id'> & { _id: string; outbox: RawOutboxEntry[] };

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
      const docs = mails.map((mail) => {
        const doc = deliveryOf(mail);
        planned.set(mail, doc);
        return doc;
      });
      await deliveries.insertMany(docs, { ordered: false });
    },
    async after(mails) {
      const docs = mails.map((mail) => planned.get(mail) as FloorDelivery);
      mails.forEach((mail) => planned.delete(mail));
      const sentAt = new Date();
      await deliveries.bulkWrite(
        docs.map((doc) => ({
          updateOne: {
            filter: { _id: doc._id },
            update: {
              $set: { status: 'sent', sentAt, attempts: 1, updatedAt: sentAt },
              $inc: { version: 1 },
              $push: { outbox: sentEvent(doc) },
            },
          },
        })),
        { ordered: false },
      );
      await deliveries.bulkWrite(
        docs.map((doc) => ({
          updateOne: { filter: { _id: doc._id }, update: { $pull: { outbox: { eventId: doc._id } } } },
        })),
        { ordered: false },
      );
    },
  };
}

/** Mail n of the run: the mentee's (even) or the coach's (odd) delivery of assignment n / 2. */
function deliveryOf(mail: number): FloorDelivery {
  const assignmentId = newId();
  const [mentee, coach] = planAssignmentDeliveries(
    {
      eventId: newId(),
      tenantId: TENANT,
      type: 'assignment.created',
      version: 1,
      assignment: {
        assignmentId,
        menteeId: newId(),
        coachIds: [newId()],
        origin: 'individual',
        groupAssignmentId: null,
        groupId: null,
        startDate: '2026-12-01',
        endDate: null,
      },
    },
    new Date(),
    DIGESTS_OFF,
  ) as [Delivery, Delivery];
  const { id, ...delivery } = mail % 2 === 0 ? mentee : coach;
  return { _id: id, ...delivery, outbox: [] };
}

/** Its `delivery.sent` event, keyed as the platform keys it; its id is the delivery's, for the `$pull`. */
function sentEvent(doc: FloorDelivery): RawOutboxEntry {
  return rawOutboxEntry(
    {
      eventId: doc._id,
      topic: DeliveriesStream.topic,
      type: 'delivery.sent',
      tenantId: doc.tenantId,
      key: `${doc.tenantId}:${doc._id}`,
    },
    {
      deliveryId: doc._id,
      recipientId: doc.recipientId,
      kind: doc.kind,
      sourceEventId: doc.sourceEventId,
      channel: doc.channel,
      attempts: 1,
    },
  );
}
