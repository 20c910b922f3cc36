import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord, type NewJob } from '@lms/jobs';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from './ports/group-assignment.repository';
import { FollowGroupAssignmentUseCase } from './use-cases/follow-group-assignment.use-case';

export const GROUP_FOLLOW_JOB = 'group-assignment.follow';

/** The job that makes one group assignment's derived assignments follow its last change. */
export function groupFollowJob(tenantId: string, groupAssignmentId: string): NewJob {
  return { kind: GROUP_FOLLOW_JOB, key: groupAssignmentId, tenantId, input: { groupAssignmentId } };
}

/**
 * Job adapter of the follow (rule 6, CO-A11): one chunk at a time, under a lease, on any
 * instance; a crash, a refused write or a shutdown between chunks only delays it.
 */
@Injectable()
export class GroupFollowJob implements JobHandler, OnModuleInit {
  readonly kind = GROUP_FOLLOW_JOB;

  constructor(
    private readonly runner: JobRunner,
    private readonly follow: FollowGroupAssignmentUseCase,
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    const { more } = await this.follow.runChunk({
      tenantId: job.tenantId,
      groupAssignmentId: String(job.input.groupAssignmentId),
    });
    return more ? 'more' : 'done';
  }

  /** Follows left pending without a job: their event was lost, or came while the last one finished. */
  async findUnfinished(): Promise<NewJob[]> {
    const unfinished = await this.groupAssignments.listUnfinishedFollows();
    return unfinished.map((groupAssignment) => groupFollowJob(groupAssignment.tenantId, groupAssignment.id));
  }
}
