import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type Page, type PageRequest } from '@lms/kernel';
import type { CourseActor } from '../../courses/domain/course-access';
import { managesEnrollments } from '../../enrollments/domain/enrollment-access';
import { PowerUserScopes } from '../../users/use-cases/power-user-scopes';
import {
  endGroupEnrollment,
  type GroupEnrollment,
  type GroupEnrollmentDeparture,
} from '../domain/group-enrollment';
import { GroupEnrollmentForbiddenError, GroupEnrollmentNotFoundError } from '../group-enrollments.errors';
import {
  GROUP_ENROLLMENT_DEPARTURE_REPOSITORY,
  GROUP_ENROLLMENT_REPOSITORY,
  type GroupEnrollmentDepartureRepository,
  type GroupEnrollmentFilter,
  type GroupEnrollmentRepository,
} from '../ports/group-enrollment.repository';

/**
 * The group enrollment of the tenant, for those who manage enrollments, and for a power user
 * whose scope holds its group (LE-E3). Anyone else is refused before anything is read.
 */
async function readGroupEnrollment(
  repository: GroupEnrollmentRepository,
  powerUsers: PowerUserScopes,
  query: { tenantId: string; actor: CourseActor; id: string },
): Promise<GroupEnrollment> {
  const groups = managesEnrollments(query.actor) ? null : await powerUsers.enrollmentGroupsOf(query.actor);
  if (groups !== null && groups.length === 0)
    throw new GroupEnrollmentForbiddenError({ groupEnrollmentId: query.id });
  const found = await repository.findById(query.tenantId, query.id);
  if (!found) throw new GroupEnrollmentNotFoundError(query.id);
  if (groups !== null && !groups.includes(found.groupId))
    throw new GroupEnrollmentForbiddenError({ groupEnrollmentId: query.id });
  return found;
}

/** LE-G1: one group enrollment with its progress. */
@Injectable()
export class GetGroupEnrollmentUseCase {
  constructor(
    @Inject(GROUP_ENROLLMENT_REPOSITORY) private readonly groupEnrollments: GroupEnrollmentRepository,
    private readonly powerUsers: PowerUserScopes,
  ) {}

  execute(query: { tenantId: string; actor: CourseActor; id: string }): Promise<GroupEnrollment> {
    return readGroupEnrollment(this.groupEnrollments, this.powerUsers, query);
  }
}

/**
 * LE-G1: the tenant's group enrollments, newest first, narrowed by group, course, plan or
 * status. A power user lists those of one group of its scope at a time (LE-E3: `groupId`).
 */
@Injectable()
export class ListGroupEnrollmentsUseCase {
  constructor(
    @Inject(GROUP_ENROLLMENT_REPOSITORY) private readonly groupEnrollments: GroupEnrollmentRepository,
    private readonly powerUsers: PowerUserScopes,
  ) {}

  async execute(query: {
    tenantId: string;
    actor: CourseActor;
    filter: GroupEnrollmentFilter;
    page: PageRequest;
  }): Promise<Page<GroupEnrollment>> {
    const { actor, filter } = query;
    if (
      !managesEnrollments(actor) &&
      (filter.groupId === undefined || !(await this.powerUsers.managesEnrollmentsIn(actor, filter.groupId)))
    )
      throw new GroupEnrollmentForbiddenError(
        filter.groupId === undefined ? undefined : { groupId: filter.groupId },
      );
    return this.groupEnrollments.list(query.tenantId, filter, query.page);
  }
}

/**
 * LE-G1: ends a group enrollment: members who join later are no longer enrolled and a running
 * job stops at its next page; nobody is unenrolled. Ending an ended one changes nothing.
 */
@Injectable()
export class EndGroupEnrollmentUseCase {
  constructor(
    @Inject(GROUP_ENROLLMENT_REPOSITORY) private readonly groupEnrollments: GroupEnrollmentRepository,
    private readonly powerUsers: PowerUserScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: { tenantId: string; actor: CourseActor; id: string }): Promise<GroupEnrollment> {
    for (;;) {
      const current = await readGroupEnrollment(this.groupEnrollments, this.powerUsers, command);
      const ended = endGroupEnrollment(current, this.clock.now());
      if (!ended) return current;
      if (await this.groupEnrollments.save(ended, current.version)) return ended;
      // The job saved a page meanwhile: read again and end that.
    }
  }
}

/** LE-G1: the members who left the group while it was enrolled: reported, never unenrolled. */
@Injectable()
export class ListGroupEnrollmentDeparturesUseCase {
  constructor(
    @Inject(GROUP_ENROLLMENT_REPOSITORY) private readonly groupEnrollments: GroupEnrollmentRepository,
    @Inject(GROUP_ENROLLMENT_DEPARTURE_REPOSITORY)
    private readonly departures: GroupEnrollmentDepartureRepository,
    private readonly powerUsers: PowerUserScopes,
  ) {}

  async execute(query: {
    tenantId: string;
    actor: CourseActor;
    id: string;
    page: PageRequest;
  }): Promise<Page<GroupEnrollmentDeparture>> {
    const group = await readGroupEnrollment(this.groupEnrollments, this.powerUsers, query);
    return this.departures.list(query.tenantId, group.id, query.page);
  }
}
