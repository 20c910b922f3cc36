import type { EventEnvelope } from '@lms/contracts';
import type { OutboxEntry } from '@lms/messaging';

/** Stands in for the outbox relay in unit tests: keeps every entry written, in write order. */
export class RecordingOutbox {
  private entries: OutboxEntry[] = [];

  record(entries: readonly OutboxEntry[]): void {
    this.entries.push(...entries.map((entry) => structuredClone(entry)));
  }

  /** The entries written since the last drain, and forgets them. */
  drain(): OutboxEntry[] {
    const drained = this.entries;
    this.entries = [];
    return drained;
  }

  /** The envelopes written since the last drain, without forgetting them. */
  envelopes(): EventEnvelope[] {
    return this.entries.map((entry) => entry.envelope);
  }
}
