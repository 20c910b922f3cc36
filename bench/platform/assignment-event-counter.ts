import type { Consumer, Kafka } from 'kafkajs';
import { AssignmentsStream } from '@lms/contracts';
import { withDeadline } from './poll-until';

interface Progress {
  assignmentIds: Set<string>;
  /** `Date.now()` of the arrival of each distinct event, in order. */
  arrivals: number[];
  duplicates: number;
}

interface PartialEnvelope {
  type?: unknown;
  tenantId?: unknown;
  payload?: { assignmentId?: unknown; groupAssignmentId?: unknown };
}

/**
 * Reads `coaching.assignments.v1` as a consumer group of its own, from the newest offset,
 * and counts the distinct `assignment.created` events of one tenant per group assignment,
 * with the time each arrived. Started, and ready, before the request that causes them.
 */
export class AssignmentEventCounter {
  private readonly consumer: Consumer;
  private readonly progress = new Map<string, Progress>();
  private readonly waiters: Array<{ groupAssignmentId: string; target: number; wake: () => void }> = [];
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly tenantId: string,
    readonly groupId: string,
  ) {
    // A short fetch wait: an idle fetch returns quickly, so readiness and the last events come fast.
    this.consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 250, allowAutoTopicCreation: false });
  }

  /** Resolves once the group is joined and a first fetch fixed the starting offsets. */
  async start(timeoutMs: number): Promise<void> {
    let joined = false;
    const ready = new Promise<void>((resolve) => {
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        joined = true;
      });
      this.consumer.on(this.consumer.events.FETCH, () => {
        if (joined) resolve();
      });
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [AssignmentsStream.topic], fromBeginning: false });
    await this.consumer.run({
      eachBatch: async ({ batch }) => {
        const receivedAt = Date.now();
        for (const message of batch.messages) this.count(message.value, receivedAt);
      },
    });
    await withDeadline(`the benchmark's consumer of ${AssignmentsStream.topic}`, timeoutMs, ready);
  }

  /** Distinct `assignment.created` events seen so far for a group assignment. */
  seen(groupAssignmentId: string): number {
    return this.progress.get(groupAssignmentId)?.assignmentIds.size ?? 0;
  }

  duplicates(groupAssignmentId: string): number {
    return this.progress.get(groupAssignmentId)?.duplicates ?? 0;
  }

  /** `Date.now()` of the arrival of each distinct event, in order. */
  arrivals(groupAssignmentId: string): readonly number[] {
    return this.progress.get(groupAssignmentId)?.arrivals ?? [];
  }

  /**
   * Resolves with `Date.now()` of the arrival of the `target`-th distinct event, or null at
   * the deadline (or when the counter stops).
   */
  async waitFor(groupAssignmentId: string, target: number, deadline: number): Promise<number | null> {
    const arrivals = this.progressOf(groupAssignmentId).arrivals;
    if (arrivals.length < target && !this.stopped) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push({
          groupAssignmentId,
          target,
          wake: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    }
    return arrivals[target - 1] ?? null;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const waiter of this.waiters.splice(0)) waiter.wake();
    await this.consumer.disconnect().catch(() => undefined);
    // The group was only ever this run's: leave nothing behind on the broker.
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.groupId]);
    } catch {
      // Best effort: an empty group also expires by itself.
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private progressOf(groupAssignmentId: string): Progress {
    let progress = this.progress.get(groupAssignmentId);
    if (!progress) {
      progress = { assignmentIds: new Set(), arrivals: [], duplicates: 0 };
      this.progress.set(groupAssignmentId, progress);
    }
    return progress;
  }

  private count(value: Buffer | null, receivedAt: number): void {
    if (!value) return;
    let envelope: PartialEnvelope;
    try {
      envelope = JSON.parse(value.toString('utf8')) as PartialEnvelope;
    } catch {
      return;
    }
    if (envelope.type !== 'assignment.created' || envelope.tenantId !== this.tenantId) return;
    const assignmentId = envelope.payload?.assignmentId;
    const groupAssignmentId = envelope.payload?.groupAssignmentId;
    if (typeof assignmentId !== 'string' || typeof groupAssignmentId !== 'string') return;
    const progress = this.progressOf(groupAssignmentId);
    if (progress.assignmentIds.has(assignmentId)) {
      // At-least-once publication: a republished event is counted once, and reported.
      progress.duplicates++;
      return;
    }
    progress.assignmentIds.add(assignmentId);
    progress.arrivals.push(receivedAt);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter.groupAssignmentId === groupAssignmentId && progress.assignmentIds.size >= waiter.target) {
        this.waiters.splice(i, 1);
        waiter.wake();
      }
    }
  }
}
