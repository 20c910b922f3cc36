import { Inject, Injectable } from '@nestjs/common';
import type { Assignment } from '../domain/assignment';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentCounts,
  type AssignmentFilter,
  type AssignmentRepository,
  type AssignmentSort,
} from '../ports/assignment.repository';

/** CO-A12: every assignment a filter keeps, current, expired and history alike, for an export. */
@Injectable()
export class ExportAssignmentsUseCase {
  constructor(@Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository) {}

  execute(query: {
    tenantId: string;
    filter: AssignmentFilter;
    sort?: AssignmentSort;
  }): AsyncIterable<Assignment> {
    return this.assignments.stream(query.tenantId, query.filter, query.sort);
  }
}

/** CO-A12's report: how many assignments a filter keeps, by status, coach and group. */
@Injectable()
export class ReportAssignmentsUseCase {
  constructor(@Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository) {}

  execute(query: { tenantId: string; filter: AssignmentFilter }): Promise<AssignmentCounts> {
    return this.assignments.count(query.tenantId, query.filter);
  }
}
