import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord, type NewJob } from '@lms/jobs';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from './ports/group-assignment.repository';
import { RunGroupFanOutUseCase } from './use-cases/run-group-fan-out.use-case';

export const GROUP_FAN_OUT_JOB = 'group-assignment.fan-out';

/** The job of one group assignment's fan-out, keyed by the group assignment. */
export function groupFanOutJob(tenantId: string, groupAssignmentId: string): NewJob {
  return { kind: GROUP_FAN_OUT_JOB, key: groupAssignmentId, tenantId, input: { groupAssignmentId } };
}

/**
 * Job adapter of the fan-out (rule 6): the runner calls one chunk at a time, under a lease, on
 * any instance; a crash, a refused write or a shutdown between chunks only delays it.
 */
@Injectable()
export class GroupFanOutJob implements JobHandler, OnModuleInit {
  readonly kind = GROUP_FAN_OUT_JOB;

  constructor(
    private readonly runner: JobRunner,
    private readonly runFanOut: RunGroupFanOutUseCase,
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    const { more } = await this.runFanOut.runChunk({
      tenantId: job.tenantId,
      groupAssignmentId: String(job.input.groupAssignmentId),
    });
    return more ? 'more' : 'done';
  }

  /** Fan-outs left pending or running without a job, e.g. when their event was dead-lettered. */
  async findUnfinished(): Promise<NewJob[]> {
    const unfinished = await this.groupAssignments.listUnfinishedFanOuts();
    return unfinished.map((ga) => groupFanOutJob(ga.tenantId, ga.id));
  }
}
