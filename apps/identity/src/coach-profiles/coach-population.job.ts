import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord, type NewJob } from '@lms/jobs';
import { COACH_POPULATION_JOB, coachPopulationJob } from './coach-population-job';
import { COACH_PROFILE_REPOSITORY, type CoachProfileRepository } from './ports/coach-profile.repository';
import { RecomputeCoachPopulationUseCase } from './use-cases/recompute-coach-population.use-case';

/** Recomputations left without a job looked for at once. */
const RECOVERY_PAGE = 1_000;

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
    @Inject(COACH_PROFILE_REPOSITORY) private readonly profiles: CoachProfileRepository,
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

  /** Recomputations left without a job, e.g. when the process died right after the profile was written. */
  async findUnfinished(): Promise<NewJob[]> {
    return (await this.profiles.listRecomputing(RECOVERY_PAGE)).map(coachPopulationJob);
  }
}
