import { Inject, Injectable } from '@nestjs/common';
import type { CourseActor } from '../../courses/domain/course-access';
import {
  MANAGER_RELATION_REPOSITORY,
  type ManagerRelationRepository,
} from '../../managers/ports/manager-relation.repository';
import { PowerUserScopes } from '../../users/use-cases/power-user-scopes';
import { managesEnrollments, type LearnerReach } from '../domain/enrollment-access';

/**
 * LE-E3: how far `actor` reaches over `userId`'s enrollments (see LearnerReach), from
 * learning's projections of identity's events: a power user's scope and profile first, then
 * manager relations. `none` for an administrator and for the learner itself, who need no reach.
 */
@Injectable()
export class LearnerReaches {
  constructor(
    @Inject(MANAGER_RELATION_REPOSITORY) private readonly managers: ManagerRelationRepository,
    private readonly powerUsers: PowerUserScopes,
  ) {}

  async of(actor: CourseActor, userId: string): Promise<LearnerReach> {
    if (actor.userId === null || actor.userId === userId || managesEnrollments(actor)) return 'none';
    if (await this.powerUsers.managesEnrollmentsOf(actor, userId)) return 'scope';
    return (await this.managers.manages(actor.tenantId, actor.userId, userId)) ? 'manager' : 'none';
  }
}
