import type { EventEnvelope } from '@lms/contracts';

/**
 * An event waiting to be published, stored in the `outbox` array of the document whose
 * change caused it, in the same single-document write as the change.
 */
export interface OutboxEntry {
  eventId: string;
  topic: string;
  key: string;
  envelope: EventEnvelope;
}

/** The shape a document has to carry to take part in the outbox. */
export interface HasOutbox {
  _id: string;
  outbox?: OutboxEntry[];
}
