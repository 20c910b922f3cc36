import type { Model, Schema } from 'mongoose';
import type { OutboxRelay } from '@lms/messaging';
import { modelInTestDatabase } from '@lms/service-testing';

/** The model `name` in a learning test file's own database, with a relay that holds the outbox. */
export function modelOfTheTestDatabase<T>(
  name: string,
  schema: Schema<T>,
): () => { model: Model<T>; relay: OutboxRelay } {
  return modelInTestDatabase('learning', name, schema);
}
