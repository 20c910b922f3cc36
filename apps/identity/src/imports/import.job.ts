import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord, type NewJob } from '@lms/jobs';
import { OutboxRelay } from '@lms/messaging';
import type { Import } from './domain/import';
import { IMPORT_REPOSITORY, type ImportRepository } from './ports/import.repository';
import { RunImportUseCase } from './use-cases/run-import.use-case';

export const IMPORT_JOB = 'identity.import';

/** Imports read per page when looking for ones left without a job. */
const PAGE_SIZE = 100;

/** The job of one import, keyed by its id. */
export function importJob(entry: Pick<Import, 'id' | 'tenantId'>): NewJob {
  return { kind: IMPORT_JOB, key: entry.id, tenantId: entry.tenantId, input: { importId: entry.id } };
}

/**
 * Job adapter of a CSV import (ID-I4, rule 6): the runner calls one chunk at a time, under a
 * lease, on any instance; a crash, a refused write or a shutdown between chunks only delays
 * it, and the next run goes on after the last row saved. After each chunk it waits until the
 * outbox relay has caught up enough with the events of the rows applied.
 */
@Injectable()
export class ImportJob implements JobHandler, OnModuleInit {
  readonly kind = IMPORT_JOB;

  constructor(
    private readonly runner: JobRunner,
    private readonly runImport: RunImportUseCase,
    @Inject(IMPORT_REPOSITORY) private readonly imports: ImportRepository,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    const { more } = await this.runImport.runChunk({
      tenantId: job.tenantId,
      importId: String(job.input.importId),
    });
    await this.relay.backpressure();
    return more ? 'more' : 'done';
  }

  /** Imports left without a job, e.g. when the process died right after the upload's write. */
  async findUnfinished(): Promise<NewJob[]> {
    const jobs: NewJob[] = [];
    for (let afterId: string | null = null; ; ) {
      const page = await this.imports.listUnfinished(afterId, PAGE_SIZE);
      jobs.push(...page.map(importJob));
      if (page.length < PAGE_SIZE) return jobs;
      afterId = page[page.length - 1].id;
    }
  }
}
