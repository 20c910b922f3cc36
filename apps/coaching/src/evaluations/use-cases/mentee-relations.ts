import { Inject, Injectable } from '@nestjs/common';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../../assignments/ports/assignment.repository';
import { coachesNow } from '../../assignments/domain/assignment';
import { NO_RELATION, type MenteeRelation } from '../domain/record-access';
import { MANAGED_USERS, type ManagedUsers } from '../ports/managed-users';

/**
 * How a user stands to a mentee (CO-W3): whether it coaches it now (the mentee's scheduled and
 * current assignments, in one read) and, only when it does not, whether it manages it.
 */
@Injectable()
export class MenteeRelations {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    @Inject(MANAGED_USERS) private readonly managedUsers: ManagedUsers,
  ) {}

  async of(tenantId: string, userId: string | null, menteeId: string): Promise<MenteeRelation> {
    if (userId === null || userId === menteeId) return NO_RELATION;
    // One read per request: MongoDB serves it from the assignments' (tenant, mentee, ...) index;
    // the local stand-in scans the assignments (no unique key names a coach and a mentee).
    const live = await this.assignments.listLiveOf(tenantId, [menteeId]);
    if (coachesNow(live, userId, menteeId)) return { coaches: true, manages: false };
    return { coaches: false, manages: await this.managedUsers.manages(tenantId, userId, menteeId) };
  }
}
