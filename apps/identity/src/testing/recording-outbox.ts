import type { EventEnvelope } from '@lms/contracts';
import type { OutboxEntry } from '@lms/messaging';

/**
 * Stands in for the outbox relay in unit tests: keeps every entry written, in write order,
 * and which document each was written with (as a Mongo document keeps them in its `outbox`).
 */
export class RecordingOutbox {
  private entries: OutboxEntry[] = [];
  private readonly byDocument = new Map<string, OutboxEntry[]>();

  /** Keeps the entries written with the document `documentId`, in the same write as its state. */
  record(documentId: string, entries: readonly OutboxEntry[]): void {
    const copies = entries.map((entry) => structuredClone(entry));
    this.entries.push(...copies);
    this.byDocument.set(documentId, [...(this.byDocument.get(documentId) ?? []), ...copies]);
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

  /** Every entry written with the document `documentId`, in write order; a drain does not forget them. */
  writtenWith(documentId: string): OutboxEntry[] {
    return structuredClone(this.byDocument.get(documentId) ?? []);
  }
}
