/** The counters a consumer keeps of what it did with its messages (for metrics and health pages). */

export interface ConsumerCounters {
  processed: number;
  retried: number;
  deadLettered: number;
  skipped: number;
}

export interface BatchCounters {
  /** Calls of batch handlers with more than one event that succeeded. */
  batches: number;
  /** Batches that failed and were handled again one event at a time. */
  fallbacks: number;
}
