import type { Membership } from '../../memberships/domain/membership';
import type { MembershipProjectionRepository } from '../../memberships/ports/membership-projection.repository';
import type { GroupAssignment } from '../domain/group-assignment';

interface ReadAhead {
  /** The cursor the first member of `members` follows. */
  after: string | null;
  members: Membership[];
  /** The query returned fewer than it asked for: `members` runs to the end of the group. */
  toTheEnd: boolean;
}

/**
 * The fan-out's reader of a group's matching members, in userId order. It reads several
 * chunks' worth in one query and serves the following chunks from memory as long as they ask
 * for the cursor it has reached: on the local database stand-in the page query scans the
 * whole projection, so one query per ten chunks instead of one per chunk matters; on MongoDB
 * it is an index range either way.
 *
 * A member read ahead may have changed by the time its chunk is written; the fan-out handles
 * that as it handles any change between its read and its write (see RunGroupFanOutUseCase).
 */
export class MemberPages {
  private readonly readAhead = new Map<string, ReadAhead>();

  constructor(
    private readonly memberships: MembershipProjectionRepository,
    private readonly pageSize: number,
  ) {}

  async next(groupAssignment: GroupAssignment, after: string | null, limit: number): Promise<Membership[]> {
    let held = this.readAhead.get(groupAssignment.id);
    if (!held || held.after !== after || (held.members.length < limit && !held.toTheEnd)) {
      const pageSize = Math.max(limit, this.pageSize);
      const members = await this.memberships.listActiveWithAnyRole(
        groupAssignment.tenantId,
        groupAssignment.groupId,
        groupAssignment.roles,
        { afterUserId: after, limit: pageSize },
      );
      held = { after, members, toTheEnd: members.length < pageSize };
    }
    const chunk = held.members.slice(0, limit);
    const rest = held.members.slice(limit);
    // The last slice of a page that ran to the end is served as well: no query for it again.
    if (rest.length > 0) {
      this.readAhead.set(groupAssignment.id, {
        after: chunk[chunk.length - 1].userId,
        members: rest,
        toTheEnd: held.toTheEnd,
      });
    } else {
      this.readAhead.delete(groupAssignment.id);
    }
    return chunk;
  }

  forget(groupAssignmentId: string): void {
    this.readAhead.delete(groupAssignmentId);
  }
}
