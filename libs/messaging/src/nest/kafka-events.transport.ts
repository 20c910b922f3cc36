import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { EventEnvelope, StreamDefinition } from '@lms/contracts';
import type { EventConsumer } from '../consumer/event-consumer';
import { eventBatchExtras, parseEventPattern } from './on-event.decorator';

/**
 * A Nest transport strategy that feeds `@OnEvent` and `@OnEventBatch` handlers from an
 * {@link EventConsumer}.
 * Nest's own Kafka transport retries a failing handler forever; this one lets the
 * messaging library do bounded retries and dead-lettering instead.
 */
export class KafkaEventsTransport extends Server implements CustomTransportStrategy {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly beforeStart: (streams: StreamDefinition[]) => Promise<void> = async () => undefined,
    private readonly afterStop: () => Promise<void> = async () => undefined,
  ) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [pattern, handler] of this.messageHandlers) {
        const batch = eventBatchExtras(handler.extras);
        if (batch) {
          this.consumer.onBatch({
            stream: batch.stream,
            types: batch.batchTypes,
            maxBatchSize: batch.maxBatchSize,
            handleBatch: async (envelopes: EventEnvelope[]) => {
              const result = await handler(envelopes);
              await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
            },
          });
          continue;
        }
        const parsed = parseEventPattern(pattern);
        const stream = (handler.extras as { stream?: StreamDefinition } | undefined)?.stream;
        if (!parsed || !stream) continue;
        this.consumer.on({
          stream,
          type: parsed.type,
          handle: async (envelope: EventEnvelope) => {
            const result = await handler(envelope);
            await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
          },
        });
      }
      await this.beforeStart(this.consumer.subscribedStreams);
      await this.consumer.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops consuming, lets in-flight handlers finish, then flushes what they left in outboxes. */
  async close(): Promise<void> {
    await this.consumer.stop();
    await this.afterStop();
  }

  on(): never {
    throw new Error('KafkaEventsTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}
