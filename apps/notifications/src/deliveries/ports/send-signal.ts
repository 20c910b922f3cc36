export const SEND_SIGNAL = Symbol('SEND_SIGNAL');

/**
 * Tells this instance's sender that deliveries just became due, so that it takes them now
 * instead of at its next look. Only a hint: a sender that misses it (another instance's, or
 * one busy sending) finds the deliveries by itself.
 */
export interface SendSignal {
  wake(): void;
}
