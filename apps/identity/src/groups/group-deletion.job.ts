import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord, type NewJob } from '@lms/jobs';
import { OutboxRelay } from '@lms/messaging';
import type { Group } from './domain/group';
import { GROUP_REPOSITORY, type GroupRepository } from './ports/group.repository';
import { RunGroupDeletionUseCase } from './use-cases/run-group-deletion.use-case';

export const GROUP_DELETION_JOB = 'group.deletion';

/** Groups read per page when looking for deletions left without a job. */
const PAGE_SIZE = 100;

/** The job of one group's deletion, keyed by the group's id. */
export function groupDeletionJob(group: Pick<Group, 'id' | 'tenantId'>): NewJob {
  return { kind: GROUP_DELETION_JOB, key: group.id, tenantId: group.tenantId, input: { groupId: group.id } };
}

/**
 * Job adapter of a group's deletion (ID-G1, rule 6): one chunk of members leaves at a time,
 * under a lease, on any instance; the group is gone after the chunk that finds no member left.
 * After each chunk it waits until the outbox relay has caught up enough with the memberships'
 * events.
 */
@Injectable()
export class GroupDeletionJob implements JobHandler, OnModuleInit {
  readonly kind = GROUP_DELETION_JOB;

  constructor(
    private readonly runner: JobRunner,
    private readonly runDeletion: RunGroupDeletionUseCase,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    const { more } = await this.runDeletion.runChunk({
      tenantId: job.tenantId,
      groupId: String(job.input.groupId),
    });
    await this.relay.backpressure();
    return more ? 'more' : 'done';
  }

  /** Deletions left without a job, e.g. when the process died right after the request's write. */
  async findUnfinished(): Promise<NewJob[]> {
    const jobs: NewJob[] = [];
    for (let afterId: string | null = null; ; ) {
      const page = await this.groups.listDeleting(afterId, PAGE_SIZE);
      jobs.push(...page.map(groupDeletionJob));
      if (page.length < PAGE_SIZE) return jobs;
      afterId = page[page.length - 1].id;
    }
  }
}
