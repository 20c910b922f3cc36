import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { GroupAssignment } from '../domain/group-assignment';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';

/** The tenant's group assignments, newest first, optionally of one group. */
@Injectable()
export class ListGroupAssignmentsUseCase {
  constructor(
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
  ) {}

  execute(query: { tenantId: string; groupId?: string; page: PageRequest }): Promise<Page<GroupAssignment>> {
    return this.groupAssignments.list(query.tenantId, { groupId: query.groupId }, query.page);
  }
}
