import type { Model } from 'mongoose';
import type { OutboxCollection } from '@lms/messaging';

/** The driver collection behind a model, as the outbox relay reads it. */
export function outboxCollectionOf<T>(model: Model<T>): OutboxCollection {
  return model.collection as unknown as OutboxCollection;
}
