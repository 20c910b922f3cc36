import { Schema } from 'mongoose';
import type { OutboxEntry } from './outbox-entry';

/**
 * The `outbox` field of a mongoose schema whose documents publish events: an array of
 * mixed entries (`OutboxEntry`). Written as `[{ type: Mixed }]` and not `as const`, so that
 * it fits a schema typed with `outbox: OutboxEntry[]` as well as an untyped one.
 */
export const OUTBOX_FIELD = { type: [{ type: Schema.Types.Mixed }], default: (): OutboxEntry[] => [] };
