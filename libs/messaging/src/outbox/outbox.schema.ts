import { Schema } from 'mongoose';

/** The `outbox` field of a mongoose schema whose documents publish events. */
export const OUTBOX_FIELD = { type: [Schema.Types.Mixed], default: [] } as const;
