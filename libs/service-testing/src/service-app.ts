import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventConsumer, KafkaEventsTransport } from '@lms/messaging';
import { configureHttp, createFastifyAdapter } from '@lms/service-kit';
import { eventually, uniqueSuffix } from '@lms/testing';

export interface ServiceTestApp {
  app: NestFastifyApplication;
  /** Sends an HTTP request to the app without a socket. */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** Parsed JSON; typed by the test that reads it. */
  body: unknown;
}

/**
 * Gives each integration test file its own database and consumer group, so that files
 * never see each other's data. Call before the app module is imported.
 */
export function isolateTestEnvironment(service: string): { dbName: string; consumerGroup: string } {
  const suffix = uniqueSuffix();
  const dbName = `${service}-test-${suffix}`;
  const consumerGroup = `${service}-test-${suffix}`;
  process.env.MONGODB_DB = dbName;
  process.env.KAFKA_CONSUMER_GROUP = consumerGroup;
  return { dbName, consumerGroup };
}

/**
 * Starts a service's root module the way `main.ts` does (HTTP configuration, Kafka
 * transport) against the real broker and database, and waits until its consumers joined.
 */
export async function startServiceApp(
  module: unknown,
  options: { globalPrefix?: string; withConsumers?: boolean } = {},
): Promise<ServiceTestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [module as never] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
    logger: false,
  });
  configureHttp(app, options.globalPrefix ?? 'v1');
  if (options.withConsumers ?? true) {
    app.connectMicroservice({ strategy: app.get(KafkaEventsTransport) }, { inheritAppConfig: true });
  }
  await app.init();
  await app.startAllMicroservices();
  await app.getHttpAdapter().getInstance().ready();
  if (options.withConsumers ?? true) {
    const consumer = app.get(EventConsumer);
    await eventually(
      () => {
        if (consumer.subscribedStreams.length > 0 && !consumer.isJoined())
          throw new Error('consumer not joined yet');
      },
      { timeoutMs: 60_000 },
    );
  }
  return {
    app,
    async request(method, url, body) {
      const response = await app.inject({
        method,
        url,
        payload: body === undefined ? undefined : JSON.stringify(body),
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      });
      const text = response.body;
      const parsed: unknown = text ? JSON.parse(text) : undefined;
      return { status: response.statusCode, headers: response.headers, body: parsed };
    },
    close: () => app.close(),
  };
}
