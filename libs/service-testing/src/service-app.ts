import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventConsumer, KafkaEventsTransport } from '@lms/messaging';
import { ConfigService } from '@nestjs/config';
import {
  AccessTokenVerifier,
  configureHttp,
  createFastifyAdapter,
  type Principal,
  type ServiceEnv,
} from '@lms/service-kit';
import { eventually, uniqueSuffix } from '@lms/testing';
import { TestTokenAuthority } from './test-token-authority';

export interface ServiceTestApp {
  app: NestFastifyApplication;
  /**
   * Sends an HTTP request to the app without a socket, as the app's caller (a bearer token of
   * `caller`), as `as` when given, or without a token when `as` is null.
   */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    options?: { as?: Principal | null; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  /** A bearer token of `principal` that the app accepts. */
  tokenFor(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** Parsed JSON (undefined for any other content type); typed by the test that reads it. */
  body: unknown;
  /** The body as it came. */
  text: string;
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
  options: {
    globalPrefix?: string;
    withConsumers?: boolean;
    /** Who calls by default: a superadmin of this tenant unless said otherwise. */
    caller?: Partial<Principal> & { tenantId: string };
    /**
     * How the test gets tokens the app accepts; by default a test authority's, which the app is
     * made to trust. Identity passes its own key ring, since it verifies with that.
     */
    issueToken?: (app: NestFastifyApplication, principal: Principal) => Promise<string>;
  } = {},
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
  let issue = options.issueToken;
  if (!issue) {
    const config = app.get<ConfigService<ServiceEnv, true>>(ConfigService);
    const authority = await TestTokenAuthority.create(config.get('TOKEN_ISSUER', { infer: true }));
    app.get(AccessTokenVerifier).useKeySource(authority.keys);
    issue = (_app, principal) => authority.issue(principal);
  }
  const tokenFor = (principal: Principal) => (issue as NonNullable<typeof issue>)(app, principal);
  const caller: Principal = {
    tenantId: options.caller?.tenantId ?? 'test-tenant',
    userId: options.caller?.userId ?? 'test-caller',
    level: options.caller?.level ?? 'superadmin',
    roles: options.caller?.roles ?? ['application_admin'],
  };
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
    tokenFor,
    async request(method, url, body, requestOptions = {}) {
      const as = requestOptions.as === undefined ? caller : requestOptions.as;
      const headers: Record<string, string> = {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...requestOptions.headers,
      };
      if (as !== null) headers.authorization = `Bearer ${await tokenFor(as)}`;
      const response = await app.inject({
        method,
        url,
        payload: body === undefined ? undefined : JSON.stringify(body),
        headers,
      });
      const text = response.body;
      const json = /json/.test(String(response.headers['content-type'] ?? 'application/json'));
      const parsed: unknown = text && json ? JSON.parse(text) : undefined;
      return { status: response.statusCode, headers: response.headers, body: parsed, text };
    },
    close: () => app.close(),
  };
}
