import multipart from '@fastify/multipart';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { IMPORT_SETTINGS, type ImportSettings } from '../use-cases/import-settings';

/**
 * Lets the service read `multipart/form-data` requests (@fastify/multipart), as streams: a
 * file is handed over part after part, never buffered whole. One file and a few short fields
 * per request; a file past the largest size is cut and refused.
 */
@Injectable()
export class MultipartUploads implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('multipart/form-data')) return;
    await fastify.register(multipart, {
      throwFileSizeLimit: true,
      limits: { files: 1, fields: 10, fieldSize: 1024, parts: 11, fileSize: this.settings.maxFileBytes + 1 },
    });
  }
}
