import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { Assignment } from '../domain/assignment';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentFilter,
  type AssignmentRepository,
  type AssignmentSort,
} from '../ports/assignment.repository';

/** The tenant's assignments (deleted ones never), newest first unless told, filtered (CO-A10). */
@Injectable()
export class ListAssignmentsUseCase {
  constructor(@Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository) {}

  execute(query: {
    tenantId: string;
    filter: AssignmentFilter;
    page: PageRequest;
    sort?: AssignmentSort;
  }): Promise<Page<Assignment>> {
    return this.assignments.list(query.tenantId, query.filter, query.page, query.sort);
  }
}
