import { Inject, Injectable } from '@nestjs/common';
import { mapPage, type Page, type PageRequest } from '@lms/kernel';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../../users/ports/coaching-user.repository';
import type { Assignment } from '../domain/assignment';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';

/** One mentee of a coach, through one assignment, with what coaching knows of the mentee. */
export interface CoachedMentee {
  assignment: Assignment;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

/**
 * CO-W5: the mentees a coach coaches now: its current, active assignments (individual and
 * derived), newest first, each with the mentee's name from coaching's copy of identity's
 * users. Scheduled, expired, ended, deactivated and deleted assignments grant nothing.
 */
@Injectable()
export class ListMyMenteesUseCase {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    @Inject(COACHING_USER_REPOSITORY) private readonly users: CoachingUserRepository,
  ) {}

  async execute(query: {
    tenantId: string;
    coachId: string;
    page: PageRequest;
  }): Promise<Page<CoachedMentee>> {
    const page = await this.assignments.list(
      query.tenantId,
      { coachId: query.coachId, status: 'current', active: true },
      query.page,
    );
    const known = await this.users.findMany(
      query.tenantId,
      page.items.map((assignment) => assignment.menteeId),
    );
    const byId = new Map(known.map((user) => [user.userId, user]));
    return mapPage(page, (assignment) => {
      const user = byId.get(assignment.menteeId);
      return {
        assignment,
        firstName: user?.firstName ?? null,
        lastName: user?.lastName ?? null,
        email: user?.email ?? null,
      };
    });
  }
}
