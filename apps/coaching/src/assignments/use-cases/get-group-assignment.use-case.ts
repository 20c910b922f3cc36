import { Inject, Injectable } from '@nestjs/common';
import { GroupAssignmentNotFoundError } from '../assignment.errors';
import type { GroupAssignment } from '../domain/group-assignment';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';

/** One group assignment of the tenant (not deleted), with its fan-out and follow progress. */
@Injectable()
export class GetGroupAssignmentUseCase {
  constructor(
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
  ) {}

  async execute(query: { tenantId: string; id: string }): Promise<GroupAssignment> {
    const found = await this.groupAssignments.findById(query.tenantId, query.id);
    if (!found || found.deletedAt !== null) throw new GroupAssignmentNotFoundError(query.id);
    return found;
  }
}
