/**
 * Hands the messages of a fetch to batch handlers in batches (rule 8), keeping partition
 * order; a batch that fails is handled again one event at a time, so that only the failing
 * event is retried and dead-lettered.
 */
import { randomUUID } from 'node:crypto';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { EventEnvelope } from '@lms/contracts';
import { runWithContext, type RequestContext } from '@lms/observability';
import type { BatchCounters } from './consumer-counters';
import type { DispatchDeps, EventDispatch, PartitionScope } from './event-dispatch';
import type { EventBatchHandler } from './handlers';
import { whileHeartbeating } from './heartbeat';

/** Consecutive messages of one partition bound for one batch handler, not yet applied. */
interface PendingBatch {
  handler: EventBatchHandler;
  items: Array<{ message: KafkaMessage; envelope: EventEnvelope }>;
  /** The last offset the batch covers: its own events, and messages skipped after them. */
  lastOffset: string;
}

/** What dispatching batches needs besides what dispatching single events does. */
export interface BatchDispatchDeps extends DispatchDeps {
  events: EventDispatch;
  batchCounters: BatchCounters;
  maxBatchSize: number;
}

export class BatchDispatch {
  constructor(private readonly deps: BatchDispatchDeps) {}

  /**
   * One fetch of one partition. Messages are taken in order; consecutive events of one batch
   * handler are gathered and applied in one call; anything else (a per-event handler, an
   * invalid message) first applies what was gathered, then goes on by itself, so the order
   * of the partition is kept. An offset is resolved only once the effects of its message and
   * of every message before it are durable; kafkajs commits resolved offsets.
   */
  async process(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary } = payload;
    const { registry, events } = this.deps;
    const stream = registry.stream(batch.topic);
    if (!stream) return;
    const scope: PartitionScope = { stream, topic: batch.topic, partition: batch.partition, heartbeat };
    // Stop taking messages when the consumer stops or the partition was given to another
    // instance meanwhile (a rebalance): what is not resolved yet is redelivered.
    const goOn = (): boolean => payload.isRunning() && !payload.isStale() && !this.deps.stop.isStopping;
    // The events gathered for one batch handler and not applied yet.
    const gathered: { run: PendingBatch | null } = { run: null };
    const flush = async (): Promise<void> => {
      const run = gathered.run;
      gathered.run = null;
      if (!run || !goOn()) return;
      await this.applyBatch(scope, run, resolveOffset);
      resolveOffset(run.lastOffset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    };
    for (const message of batch.messages) {
      if (!goOn()) return;
      const routed = registry.route(stream, message);
      if (routed.kind === 'skip') {
        this.deps.counters.skipped++;
        // Resolved with the events gathered before it, never ahead of them.
        if (gathered.run) gathered.run.lastOffset = message.offset;
        else resolveOffset(message.offset);
        continue;
      }
      if (routed.kind === 'batch') {
        if (gathered.run && gathered.run.handler !== routed.handler) await flush();
        const run = (gathered.run ??= { handler: routed.handler, items: [], lastOffset: message.offset });
        run.items.push({ message, envelope: routed.envelope });
        run.lastOffset = message.offset;
        if (run.items.length >= (routed.handler.maxBatchSize ?? this.deps.maxBatchSize)) await flush();
        continue;
      }
      await flush();
      if (!goOn()) return;
      if (routed.kind === 'invalid') {
        await this.deps.deadLetters.write(stream, {
          topic: batch.topic,
          partition: batch.partition,
          message,
          error: routed.error,
          attempts: 0,
        });
      } else {
        await events.handleOne(scope, message, routed.envelope, (e) => routed.handler.handle(e));
      }
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
    }
    await flush();
  }

  /**
   * Applies gathered events in one call of their batch handler. When that call fails, the
   * events are applied again one at a time through the same handler, each with the usual
   * retries and dead letter: only the event that keeps failing is dead-lettered, and its
   * neighbours are applied. Events the failed call had applied already are applied a second
   * time; batch handlers are idempotent (version guards, upserts on natural keys), so that
   * changes nothing and nothing is lost or doubled. Each event's offset is resolved as soon
   * as it is done, so that a stop in the middle redelivers only what is left. Once the event
   * that failed has been dealt with (applied on a retry, or dead-lettered), the events after
   * it are tried as a batch again.
   */
  private async applyBatch(
    scope: PartitionScope,
    run: PendingBatch,
    resolveOffset: (offset: string) => void,
  ): Promise<void> {
    const { events, batchCounters } = this.deps;
    const envelopes = run.items.map((item) => item.envelope);
    try {
      await whileHeartbeating(scope.heartbeat, this.deps.heartbeatIntervalMs, () =>
        runWithContext(batchContext(envelopes), () => run.handler.handleBatch(envelopes)),
      );
      this.deps.counters.processed += envelopes.length;
      if (envelopes.length > 1) batchCounters.batches++;
      return;
    } catch (error) {
      // Shutting down: leave the offsets unresolved, the events are redelivered after restart.
      if (this.deps.stop.isStopping) throw error;
      if (envelopes.length === 1) {
        // Nothing to split: the usual retries, from the second attempt on.
        const [{ message, envelope }] = run.items as [PendingBatch['items'][number]];
        await events.handleOne(scope, message, envelope, (e) => run.handler.handleBatch([e]), error);
        return;
      }
      batchCounters.fallbacks++;
      this.deps.logger.warn(
        {
          err: error,
          topic: scope.topic,
          partition: scope.partition,
          firstOffset: run.items[0]?.message.offset,
          lastOffset: run.items[run.items.length - 1]?.message.offset,
          events: envelopes.length,
        },
        'event batch failed; applying its events one at a time',
      );
    }
    for (const [i, { message, envelope }] of run.items.entries()) {
      const clean = await events.handleOne(scope, message, envelope, (e) => run.handler.handleBatch([e]));
      resolveOffset(message.offset);
      if (!clean && i + 1 < run.items.length) {
        // The event that broke the batch has been dealt with: the rest goes back to batches.
        await this.applyBatch(scope, { ...run, items: run.items.slice(i + 1) }, resolveOffset);
        return;
      }
    }
  }
}

/**
 * The request context a batch is applied in: the events' common correlation id (one user
 * action, such as an import, causing them all) or a new one; the event itself as the cause
 * when there is only one.
 */
function batchContext(envelopes: readonly EventEnvelope[]): RequestContext {
  const [first] = envelopes;
  const common =
    first !== undefined && envelopes.every((e) => e.correlationId === first.correlationId)
      ? first.correlationId
      : randomUUID();
  return { correlationId: common, causationId: envelopes.length === 1 && first ? first.eventId : null };
}
