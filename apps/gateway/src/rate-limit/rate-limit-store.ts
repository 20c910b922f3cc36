import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import mongoose from 'mongoose';
import {
  ensureRateLimitIndexes,
  RATE_LIMIT_COLLECTION,
  sharedRateLimitStore,
  type RateLimitWindows,
} from './shared-rate-limit-store';

/**
 * The store the rate limits count in: shared through MongoDB when `uri` is given (closed with
 * the server), else none, and `@fastify/rate-limit` counts in this instance's memory.
 */
export async function rateLimitStoreFor(
  fastify: FastifyInstance,
  uri: string | null,
): Promise<FastifyRateLimitStoreCtor | undefined> {
  if (!uri) return undefined;
  const connection = await mongoose
    .createConnection(uri, { serverSelectionTimeoutMS: 10_000, sanitizeFilter: true })
    .asPromise();
  fastify.addHook('onClose', async () => {
    await connection.close();
  });
  const windows = connection.collection(RATE_LIMIT_COLLECTION) as unknown as RateLimitWindows;
  await ensureRateLimitIndexes(windows);
  return sharedRateLimitStore(windows);
}
