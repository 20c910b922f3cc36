import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord, type NewJob } from '@lms/jobs';
import type { GroupEnrollment } from './domain/group-enrollment';
import {
  GROUP_ENROLLMENT_REPOSITORY,
  type GroupEnrollmentRepository,
} from './ports/group-enrollment.repository';
import { RunGroupEnrollmentUseCase } from './use-cases/run-group-enrollment.use-case';

export const GROUP_ENROLLMENT_JOB = 'group-enrollment.members';

/** Group enrollments left running without a job looked for at once. */
const RECOVERY_PAGE = 1_000;

/** The job of one group enrollment's current members, keyed by its id. */
export function groupEnrollmentJob(enrollment: Pick<GroupEnrollment, 'id' | 'tenantId'>): NewJob {
  return {
    kind: GROUP_ENROLLMENT_JOB,
    key: enrollment.id,
    tenantId: enrollment.tenantId,
    input: { groupEnrollmentId: enrollment.id },
  };
}

/**
 * Job adapter of a group enrollment (LE-G1, rule 6): one page of members at a time, under a
 * lease, on any instance; a crash, a refused write or a shutdown between pages only delays it.
 */
@Injectable()
export class GroupEnrollmentJob implements JobHandler, OnModuleInit {
  readonly kind = GROUP_ENROLLMENT_JOB;

  constructor(
    private readonly runner: JobRunner,
    private readonly run: RunGroupEnrollmentUseCase,
    @Inject(GROUP_ENROLLMENT_REPOSITORY) private readonly groupEnrollments: GroupEnrollmentRepository,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    const { more } = await this.run.runChunk({
      tenantId: job.tenantId,
      groupEnrollmentId: String(job.input.groupEnrollmentId),
    });
    return more ? 'more' : 'done';
  }

  /** Group enrollments left running without a job, e.g. when the process died right after the request. */
  async findUnfinished(): Promise<NewJob[]> {
    return (await this.groupEnrollments.listRunning(RECOVERY_PAGE)).map(groupEnrollmentJob);
  }
}
