import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { StreamDefinition } from '@lms/contracts';
import type { Logger } from '@lms/observability';
import {
  BEFORE_DATABASE_CLOSE,
  HealthRegistry,
  LOGGER,
  Metrics,
  MONGO_CONNECTION,
  type PlatformEnv,
} from '@lms/service-kit';
import { EventConsumer } from '../consumer/event-consumer';
import type { RetryPolicy } from '../consumer/retry-policy';
import { EventProducer } from '../kafka/event-producer';
import { createKafka } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/topic-provisioner';
import { EVENT_FACTORY, EventFactory } from '../outbox/event-factory';
import { OutboxRelay, outboxCollectionsOf, type OutboxRelayOptions } from '../outbox/outbox-relay';
import { KafkaEventsTransport } from './kafka-events.transport';

export interface MessagingModuleOptions {
  /** The producing service's name: the `producer` of its events and its client id. */
  serviceName: string;
  /** Streams this service publishes; their topics are created at start-up. */
  producedStreams: readonly StreamDefinition[];
  retry?: RetryPolicy;
  relay?: OutboxRelayOptions;
  partitionsConsumedConcurrently?: number;
}

/** What the service's settings decide (`KAFKA_*` of {@link PlatformEnv}). */
export interface MessagingSettings {
  brokers: string[];
  /** Consumer group of the service's handlers: `KAFKA_CONSUMER_GROUP`, else the service's name. */
  consumerGroup: string;
  fromBeginning: boolean;
  replicationFactor: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');
export const KAFKA = Symbol('KAFKA');
export const MESSAGING_LOGGER = Symbol('MESSAGING_LOGGER');

/**
 * Starts what the outbox needs (topics, relay sweeper) and stops it last: the relay
 * flushes what in-flight work left in the outboxes before the producer disconnects.
 * The sweeper watches every collection of the service's database whose schema has an
 * outbox, from start-up: a crash's leftovers are published after a restart whether or not
 * anything writes to their collection again.
 */
@Injectable()
export class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap {
  private stopped: Promise<void> | null = null;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly producer: EventProducer,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly health: HealthRegistry,
    private readonly metrics: Metrics,
    @Optional() @Inject(MONGO_CONNECTION) private readonly connection?: Connection,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register({
      name: 'kafka-consumer',
      // A service without handlers has nothing to join.
      isReady: async () => this.consumer.subscribedStreams.length === 0 || this.consumer.isJoined(),
    });
    this.registerMetrics();
    await ensureTopics(this.kafka, {
      streams: this.options.producedStreams,
      replicationFactor: this.settings.replicationFactor,
    });
    await this.producer.connect();
  }

  onApplicationBootstrap(): void {
    // Every model is registered by now: feature modules create them while they initialise.
    if (this.connection)
      for (const collection of outboxCollectionsOf(this.connection)) this.relay.watch(collection);
    this.relay.start();
  }

  /** The consumer's and the relay's counters, read at each scrape (rule 3: dead letters are seen in metrics). */
  private registerMetrics(): void {
    const consumed = () => this.consumer.metrics();
    this.metrics.observeCounter(
      'events_consumed_total',
      'Events taken from Kafka, by outcome.',
      'outcome',
      () => {
        const { processed, retried, deadLettered, skipped } = consumed();
        return { processed, retried, dead_lettered: deadLettered, skipped };
      },
    );
    this.metrics.observeCounter(
      'outbox_documents_total',
      'Documents whose outbox entries the relay published, or set aside as unpublishable.',
      'outcome',
      () => ({ ...this.relay.counters }),
    );
    this.metrics.observeGauge(
      'outbox_documents_in_flight',
      'Documents whose outbox entries are being published now.',
      () => this.relay.pendingDocuments,
    );
  }

  /** Flushes the outboxes and disconnects the producer; idempotent. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      await this.relay.stop();
      await this.producer.disconnect();
    })();
    return this.stopped;
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: MESSAGING_SETTINGS,
          inject: [ConfigService],
          useFactory: (config: ConfigService<PlatformEnv, true>): MessagingSettings => ({
            brokers: config.get('KAFKA_BROKERS', { infer: true }),
            consumerGroup: config.get('KAFKA_CONSUMER_GROUP', { infer: true }) ?? options.serviceName,
            fromBeginning: config.get('KAFKA_CONSUMER_FROM_BEGINNING', { infer: true }),
            replicationFactor: config.get('KAFKA_REPLICATION_FACTOR', { infer: true }),
          }),
        },
        { provide: MESSAGING_LOGGER, useExisting: LOGGER },
        {
          provide: KAFKA,
          inject: [MESSAGING_SETTINGS, MESSAGING_LOGGER],
          useFactory: (settings: MessagingSettings, logger: Logger) =>
            createKafka({ brokers: settings.brokers, clientId: options.serviceName }, logger),
        },
        { provide: EventProducer, inject: [KAFKA], useFactory: (kafka: Kafka) => new EventProducer(kafka) },
        {
          provide: OutboxRelay,
          inject: [EventProducer, MESSAGING_LOGGER],
          useFactory: (producer: EventProducer, logger: Logger) =>
            new OutboxRelay(producer, logger.child({ component: 'outbox' }), options.relay),
        },
        { provide: EVENT_FACTORY, useValue: new EventFactory(options.serviceName) },
        {
          provide: EventConsumer,
          inject: [KAFKA, EventProducer, MESSAGING_LOGGER, MESSAGING_SETTINGS],
          useFactory: (kafka: Kafka, producer: EventProducer, logger: Logger, settings: MessagingSettings) =>
            new EventConsumer(
              kafka,
              producer,
              logger.child({ component: 'consumer', groupId: settings.consumerGroup }),
              {
                groupId: settings.consumerGroup,
                retry: options.retry,
                partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
                fromBeginning: settings.fromBeginning,
              },
            ),
        },
        {
          provide: KafkaEventsTransport,
          inject: [EventConsumer, KAFKA, MessagingLifecycle, MESSAGING_SETTINGS],
          useFactory: (
            consumer: EventConsumer,
            kafka: Kafka,
            lifecycle: MessagingLifecycle,
            settings: MessagingSettings,
          ) =>
            new KafkaEventsTransport(
              consumer,
              (streams) =>
                ensureTopics(kafka, {
                  streams,
                  deadLetters: streams.map((stream) => ({ stream, consumerGroup: settings.consumerGroup })),
                  replicationFactor: settings.replicationFactor,
                }),
              () => lifecycle.stop(),
            ),
        },
        MessagingLifecycle,
        { provide: BEFORE_DATABASE_CLOSE, useExisting: MessagingLifecycle },
      ],
      exports: [
        BEFORE_DATABASE_CLOSE,
        KAFKA,
        EventProducer,
        OutboxRelay,
        EVENT_FACTORY,
        EventConsumer,
        KafkaEventsTransport,
        MessagingLifecycle,
      ],
    };
  }
}
