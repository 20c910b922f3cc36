import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_DOCUMENTS, type ApiDocuments } from './api-documents';

/** Where the browsable API reference is served. */
export const API_DOCS_UI_PATH = 'api/docs';

/**
 * Serves the browsable reference of the platform's OpenAPI document at `/api/docs`: the same
 * document as `/api/v1/openapi.json`, which stays the one machine-readable copy.
 */
export function registerApiDocsUi(app: NestFastifyApplication): void {
  const documents = app.get<ApiDocuments>(API_DOCUMENTS);
  SwaggerModule.setup(API_DOCS_UI_PATH, app, documents.openapi as unknown as OpenAPIObject, {
    raw: false,
    customSiteTitle: 'Coaching platform API',
    swaggerOptions: { persistAuthorization: false, displayRequestDuration: true },
  });
}
