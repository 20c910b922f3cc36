import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SERVICE_ROUTE_PREFIX, UNPREFIXED_ROUTES } from '@lms/service-kit';

/** What a service's document is generated from, in the compiled tree. */
export interface ServiceSources {
  /** `identity`, `coaching`, ... or `gateway`. */
  name: string;
  /** `dist/apps/<name>/src`. */
  compiledDir: string;
  /** Whether its routes sit under the services' `/v1` prefix (every service but the gateway). */
  prefixed: boolean;
}

/**
 * Settings a service's configuration requires to be present; the document needs no
 * connection, so placeholders do (the application is created in preview mode: no provider is
 * instantiated, nothing connects).
 */
const PLACEHOLDER_SETTINGS: Record<string, string> = {
  MONGODB_URI: 'mongodb://127.0.0.1:1/openapi',
  KAFKA_BROKERS: '127.0.0.1:1',
  SMTP_URL: 'smtp://127.0.0.1:1',
};

/** The OpenAPI document of one service's own routes, as the service serves them (`/v1/...`). */
export async function serviceDocument(sources: ServiceSources): Promise<OpenAPIObject> {
  for (const [name, value] of Object.entries(PLACEHOLDER_SETTINGS)) process.env[name] ??= value;
  const metadata = (await import(path.join(sources.compiledDir, 'openapi.metadata.js'))) as {
    default: () => Promise<Record<string, unknown>>;
  };
  await SwaggerModule.loadPluginMetadata(metadata.default);
  const { AppModule } = (await import(path.join(sources.compiledDir, 'app.module.js'))) as {
    AppModule: unknown;
  };
  const app = await NestFactory.create(AppModule as never, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  if (sources.prefixed) app.setGlobalPrefix(SERVICE_ROUTE_PREFIX, { exclude: UNPREFIXED_ROUTES });
  try {
    return SwaggerModule.createDocument(app, new DocumentBuilder().build(), {
      operationIdFactory: (controller, method) =>
        `${sources.name}.${controller.replace(/Controller$/, '')}.${method}`,
    });
  } finally {
    await app.close();
  }
}
