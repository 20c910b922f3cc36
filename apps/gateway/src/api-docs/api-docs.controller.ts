import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Access } from '@lms/service-kit';
import { API_DOCUMENTS, type ApiDocument, type ApiDocuments } from './api-documents';

/** The whole platform's API documents, as JSON. */
@Access('anyone', 'anyone')
@Controller('api/v1')
export class ApiDocsController {
  constructor(@Inject(API_DOCUMENTS) private readonly documents: ApiDocuments) {}

  @Get('openapi.json')
  @Header('cache-control', 'public, max-age=300')
  openapi(): ApiDocument {
    return this.documents.openapi;
  }

  @Get('asyncapi.json')
  @Header('cache-control', 'public, max-age=300')
  asyncapi(): ApiDocument {
    return this.documents.asyncapi;
  }
}
