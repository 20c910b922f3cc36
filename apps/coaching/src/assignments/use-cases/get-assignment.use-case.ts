import { Inject, Injectable } from '@nestjs/common';
import { AssignmentNotFoundError } from '../assignment.errors';
import type { Assignment } from '../domain/assignment';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';

/** One assignment of the tenant. */
@Injectable()
export class GetAssignmentUseCase {
  constructor(@Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository) {}

  async execute(query: { tenantId: string; id: string }): Promise<Assignment> {
    const found = await this.assignments.findById(query.tenantId, query.id);
    if (!found) throw new AssignmentNotFoundError(query.id);
    return found;
  }
}
