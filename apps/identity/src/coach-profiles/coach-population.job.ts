import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord } from '@lms/jobs';
import { COACH_POPULATION_JOB } from './coach-population-job';
import { RecomputeCoachPopulationUseCase } from './use-cases/recompute-coach-population.use-case';

/**
 * Job adapter of a population's recomputation (ID-C3, rule 6): one page of users per chunk,
 * under a lease, on any instance; the profile keeps the progress.
 */
@Injectable()
export class CoachPopulationJob implements JobHandler, OnModuleInit {
  readonly kind = COACH_POPULATION_JOB;

  constructor(
    private readonly runner: JobRunner,
    private readonly recompute: RecomputeCoachPopulationUseCase,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    const { more } = await this.recompute.runChunk({
      tenantId: job.tenantId,
      coachId: String(job.input.coachId),
      populationVersion: Number(job.input.populationVersion),
    });
    return more ? 'more' : 'done';
  }
}
