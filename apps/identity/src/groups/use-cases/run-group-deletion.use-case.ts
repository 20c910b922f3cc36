import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import { MembershipNotFoundError } from '../../memberships/memberships.errors';
import {
  MEMBERSHIP_REPOSITORY,
  type MembershipRepository,
} from '../../memberships/ports/membership.repository';
import { RemoveMemberUseCase } from '../../memberships/use-cases/remove-member.use-case';
import { finishGroupDeletion, recordMembersRemoved } from '../domain/group';
import { GROUP_REPOSITORY, type GroupRepository } from '../ports/group.repository';
import { groupEvent } from './group-events';

/** Members removed per chunk of a deletion. */
export const GROUP_DELETION_CHUNK = 100;

/** Overrides {@link GROUP_DELETION_CHUNK} (tests). */
export const GROUP_DELETION_CHUNK_SIZE = Symbol('GROUP_DELETION_CHUNK_SIZE');

/** Members removed at once within a chunk. */
const AT_ONCE = 8;

export interface RunGroupDeletionCommand {
  tenantId: string;
  groupId: string;
}

/**
 * ID-G1: one chunk of a group's deletion, started by `DeleteGroupUseCase` and run as a job
 * (`GroupDeletionJob`). Each chunk removes the next active members through
 * `RemoveMemberUseCase` (one `membership.removed` each, exactly as a single removal), then
 * counts them on the group by a compare-and-set; the chunk that finds no member left marks the
 * group deleted and publishes `group.deleted`. A chunk run twice removes nobody twice (a member
 * already gone is skipped); a lost progress write only leaves the count short.
 */
@Injectable()
export class RunGroupDeletionUseCase {
  constructor(
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    private readonly removeMember: RemoveMemberUseCase,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(GROUP_DELETION_CHUNK_SIZE) private readonly chunkSize: number = GROUP_DELETION_CHUNK,
  ) {}

  /** Runs every chunk until the group is gone (scripts and tests; the service runs it as a job). */
  async execute(command: RunGroupDeletionCommand): Promise<void> {
    for (let more = true; more; ) more = (await this.runChunk(command)).more;
  }

  async runChunk(command: RunGroupDeletionCommand): Promise<{ more: boolean }> {
    const { tenantId, groupId } = command;
    const group = await this.groups.findById(tenantId, groupId);
    if (!group || group.status !== 'deleting') return { more: false };
    const members = await this.memberships.listActive(tenantId, groupId, {}, { limit: this.chunkSize });
    let removed = 0;
    for (let i = 0; i < members.items.length; i += AT_ONCE) {
      const batch = members.items.slice(i, i + AT_ONCE);
      const outcomes = await Promise.all(
        batch.map((member) => this.remove(tenantId, groupId, member.userId)),
      );
      removed += outcomes.filter(Boolean).length;
    }
    const now = this.clock.now();
    const counted = recordMembersRemoved(group, removed, now);
    const last = members.nextCursor === null;
    const next = last ? finishGroupDeletion(counted, now) : counted;
    const outbox = last ? [groupEvent(this.events, 'group.deleted', next, now)] : [];
    // Stale: another run wrote meanwhile; the next call reads where it got to.
    if ((await this.groups.update(next, group.version, outbox)) === 'stale') return { more: true };
    return { more: !last };
  }

  /** True when this run removed the member; false when it had left already. */
  private async remove(tenantId: string, groupId: string, userId: string): Promise<boolean> {
    try {
      await this.removeMember.execute({ tenantId, groupId, userId });
      return true;
    } catch (error) {
      if (error instanceof MembershipNotFoundError) return false;
      throw error;
    }
  }
}
