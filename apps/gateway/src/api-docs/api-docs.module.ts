import { Module } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { ApiDocsController } from './api-docs.controller';
import { API_DOCUMENTS, loadApiDocuments, locateApiDocsDir } from './api-documents';

@Module({
  controllers: [ApiDocsController],
  providers: [
    {
      provide: API_DOCUMENTS,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) => loadApiDocuments(locateApiDocsDir(config.apiDocsDir)),
    },
  ],
})
export class ApiDocsModule {}
