import { EventFactory } from '@lms/messaging';
import { FixedClock } from '@lms/testing';
import type { CourseActor } from '../courses/domain/course-access';
import { ChangeCourseStateUseCase } from '../courses/use-cases/change-course-state.use-case';
import { CreateCourseSessionUseCase } from '../courses/use-cases/create-course-session.use-case';
import { CreateCourseUseCase } from '../courses/use-cases/create-course.use-case';
import { DeleteCourseSessionUseCase } from '../courses/use-cases/delete-course-session.use-case';
import { DeleteCourseUseCase } from '../courses/use-cases/delete-course.use-case';
import { EditCourseSessionUseCase } from '../courses/use-cases/edit-course-session.use-case';
import { EditCourseUseCase } from '../courses/use-cases/edit-course.use-case';
import { GetCourseUseCase } from '../courses/use-cases/get-course.use-case';
import { ListCatalogUseCase } from '../courses/use-cases/list-catalog.use-case';
import { ListCourseSessionsUseCase } from '../courses/use-cases/list-course-sessions.use-case';
import { ListCoursesUseCase } from '../courses/use-cases/list-courses.use-case';
import { GrantCourseRoleUseCase } from '../courses/use-cases/grant-course-role.use-case';
import { ListCourseRolesUseCase } from '../courses/use-cases/list-course-roles.use-case';
import { ReleaseRolesOfDeletedUsersUseCase } from '../courses/use-cases/release-roles-of-deleted-users.use-case';
import { RevokeCourseRoleUseCase } from '../courses/use-cases/revoke-course-role.use-case';
import { TransferCourseAuthorshipUseCase } from '../courses/use-cases/transfer-course-authorship.use-case';
import { ChangeEnrollmentStateUseCase } from '../enrollments/use-cases/change-enrollment-state.use-case';
import { CreateEnrollmentUseCase } from '../enrollments/use-cases/create-enrollment.use-case';
import { DeleteEnrollmentUseCase } from '../enrollments/use-cases/delete-enrollment.use-case';
import { GetEnrollmentUseCase } from '../enrollments/use-cases/get-enrollment.use-case';
import { ListEnrollmentsUseCase } from '../enrollments/use-cases/list-enrollments.use-case';
import { ListMyCoursesUseCase } from '../enrollments/use-cases/list-my-courses.use-case';
import { ListSessionAttendanceUseCase } from '../enrollments/use-cases/list-session-attendance.use-case';
import { MarkAttendanceUseCase } from '../enrollments/use-cases/mark-attendance.use-case';
import { RecordProgressUseCase } from '../enrollments/use-cases/record-progress.use-case';
import { SessionSeatKeeper } from '../enrollments/use-cases/session-seat-keeper';
import { LearnerReaches } from '../enrollments/use-cases/learner-reaches';
import { ApplyPowerUserGrantsUseCase } from '../users/use-cases/apply-power-user-grants.use-case';
import { ApplyProfileDefinitionsUseCase } from '../users/use-cases/apply-profile-definitions.use-case';
import { PowerUserScopes } from '../users/use-cases/power-user-scopes';
import { InMemoryPowerUserRepository } from './in-memory-power-user.repository';
import { InMemoryProfileRightsRepository } from './in-memory-profile-rights.repository';
import { ApplyMembershipEventsUseCase } from '../memberships/use-cases/apply-membership-events.use-case';
import { InMemoryCourseSessionRepository } from './in-memory-course-session.repository';
import { InMemoryCourseRepository } from './in-memory-course.repository';
import { InMemoryEnrollmentRepository } from './in-memory-enrollment.repository';
import { InMemoryGroupMembershipRepository } from './in-memory-group-membership.repository';
import { InMemoryManagerRelationRepository } from './in-memory-manager-relation.repository';
import { InMemorySessionSeatsRepository } from './in-memory-session-seats.repository';
import { CreatePlanUseCase } from '../plans/use-cases/create-plan.use-case';
import { DeletePlanUseCase } from '../plans/use-cases/delete-plan.use-case';
import { EditPlanUseCase } from '../plans/use-cases/edit-plan.use-case';
import { EnrollInPlanUseCase } from '../plans/use-cases/enroll-in-plan.use-case';
import { GetPlanUseCase } from '../plans/use-cases/get-plan.use-case';
import { ListMyPlansUseCase } from '../plans/use-cases/list-my-plans.use-case';
import { ListPlanEnrollmentsUseCase } from '../plans/use-cases/list-plan-enrollments.use-case';
import { ListPlansUseCase } from '../plans/use-cases/list-plans.use-case';
import { PlanStateKeeper } from '../plans/use-cases/plan-state-keeper';
import { RefreshPlanStatesUseCase } from '../plans/use-cases/refresh-plan-states.use-case';
import { InMemoryPlanEnrollmentRepository } from './in-memory-plan-enrollment.repository';
import { InMemoryPlanRepository } from './in-memory-plan.repository';

export const TENANT = 'tenant-a';
export const OTHER_TENANT = 'tenant-b';

/** A signed-in caller of the tenant: a plain user unless given administrative roles or a level. */
export function anActor(
  userId: string | null,
  options: { roles?: string[]; level?: string; tenantId?: string } = {},
): CourseActor {
  return {
    tenantId: options.tenantId ?? TENANT,
    userId,
    level: options.level ?? 'user',
    roles: options.roles ?? [],
  };
}

/** An Application Administrator of the tenant. */
export function anAdministrator(userId: string, tenantId = TENANT): CourseActor {
  return anActor(userId, { roles: ['application_admin'], tenantId });
}

/**
 * A power user of the tenant. It manages no enrollment until the testbed gives it a scope and
 * a profile (`givenPowerUserScope`).
 */
export function aPowerUser(userId: string): CourseActor {
  return anActor(userId, { level: 'power_user' });
}

/**
 * The courses' (LE-C1) and their roles' (LE-C2), enrollments' (LE-E*) and plans' (LE-P1) use cases over in-memory
 * repositories, the memberships projection and a fixed clock.
 */
export function buildLearningTestbed(options: { now?: string } = {}) {
  const clock = new FixedClock(options.now ?? '2026-03-02T09:00:00.000Z');
  const events = new EventFactory('learning');
  const courses = new InMemoryCourseRepository();
  const sessions = new InMemoryCourseSessionRepository();
  const memberships = new InMemoryGroupMembershipRepository();
  const enrollments = new InMemoryEnrollmentRepository();
  const sessionSeats = new InMemorySessionSeatsRepository();
  const managers = new InMemoryManagerRelationRepository();
  const powerUsers = new InMemoryPowerUserRepository();
  const profileRights = new InMemoryProfileRightsRepository();
  const powerUserScopes = new PowerUserScopes(powerUsers, profileRights, memberships);
  const reaches = new LearnerReaches(managers, powerUserScopes);
  const applyPowerUserGrants = new ApplyPowerUserGrantsUseCase(powerUsers);
  const applyProfileDefinitions = new ApplyProfileDefinitionsUseCase(profileRights);
  const seats = new SessionSeatKeeper(sessionSeats, enrollments, sessions, courses, events, clock);
  const createEnrollment = new CreateEnrollmentUseCase(
    enrollments,
    courses,
    sessions,
    memberships,
    reaches,
    seats,
    events,
    clock,
  );
  const plans = new InMemoryPlanRepository();
  const planEnrollments = new InMemoryPlanEnrollmentRepository();
  const planStates = new PlanStateKeeper(enrollments, planEnrollments, events, clock);
  return {
    clock,
    courses,
    sessions,
    memberships,
    managers,
    powerUsers,
    profileRights,
    powerUserScopes,
    reaches,
    applyPowerUserGrants,
    applyProfileDefinitions,
    /**
     * Makes `userId` a power user whose scope is `groupIds`, holding a profile of `rights`
     * (`enrollments.manage` unless told), as applied identity events would (LE-E3, ID-U2).
     */
    async givenPowerUserScope(
      userId: string,
      groupIds: string[],
      rights: string[] = ['enrollments.manage'],
    ): Promise<void> {
      const profile = `profile-of-${userId}`;
      await applyProfileDefinitions.execute([
        { tenantId: TENANT, profileId: `${profile}-id`, name: profile, rights, version: 1 },
      ]);
      await applyPowerUserGrants.execute([
        {
          tenantId: TENANT,
          userId,
          level: 'power_user',
          powerUserScope: { groupIds },
          permissionProfile: profile,
          deleted: false,
          version: 1,
        },
      ]);
    },
    enrollments,
    sessionSeats,
    seats,
    createEnrollment,
    getEnrollment: new GetEnrollmentUseCase(enrollments, reaches),
    listEnrollments: new ListEnrollmentsUseCase(enrollments, courses, reaches),
    changeEnrollmentState: new ChangeEnrollmentStateUseCase(
      enrollments,
      courses,
      seats,
      reaches,
      events,
      clock,
    ),
    deleteEnrollment: new DeleteEnrollmentUseCase(enrollments, courses, seats, reaches, events, clock),
    recordProgress: new RecordProgressUseCase(enrollments, courses, events, clock),
    listMyCourses: new ListMyCoursesUseCase(enrollments, courses),
    markAttendance: new MarkAttendanceUseCase(enrollments, courses, sessions, events, clock),
    listSessionAttendance: new ListSessionAttendanceUseCase(enrollments, courses, sessions),
    createCourse: new CreateCourseUseCase(courses, clock),
    getCourse: new GetCourseUseCase(courses, memberships),
    listCourses: new ListCoursesUseCase(courses),
    editCourse: new EditCourseUseCase(courses, events, clock),
    changeState: new ChangeCourseStateUseCase(courses, events, clock),
    deleteCourse: new DeleteCourseUseCase(courses, sessions),
    listCatalog: new ListCatalogUseCase(courses, memberships),
    createSession: new CreateCourseSessionUseCase(courses, sessions, events, clock),
    listSessions: new ListCourseSessionsUseCase(courses, sessions, memberships),
    editSession: new EditCourseSessionUseCase(courses, sessions, events, clock),
    deleteSession: new DeleteCourseSessionUseCase(courses, sessions, events, clock),
    applyMembershipEvents: new ApplyMembershipEventsUseCase(memberships),
    listCourseRoles: new ListCourseRolesUseCase(courses),
    grantCourseRole: new GrantCourseRoleUseCase(courses, memberships, events, clock),
    revokeCourseRole: new RevokeCourseRoleUseCase(courses, events, clock),
    transferAuthorship: new TransferCourseAuthorshipUseCase(courses, events, clock),
    releaseRolesOfDeletedUsers: new ReleaseRolesOfDeletedUsersUseCase(courses, events, clock),
    plans,
    planEnrollments,
    planStates,
    createPlan: new CreatePlanUseCase(plans, courses, clock),
    getPlan: new GetPlanUseCase(plans),
    listPlans: new ListPlansUseCase(plans),
    editPlan: new EditPlanUseCase(plans, planEnrollments, courses, clock),
    deletePlan: new DeletePlanUseCase(plans, planEnrollments),
    enrollInPlan: new EnrollInPlanUseCase(
      plans,
      planEnrollments,
      courses,
      sessions,
      createEnrollment,
      reaches,
      planStates,
      events,
      clock,
    ),
    listPlanEnrollments: new ListPlanEnrollmentsUseCase(plans, planEnrollments, powerUserScopes),
    listMyPlans: new ListMyPlansUseCase(planEnrollments, plans, courses, planStates),
    refreshPlanStates: new RefreshPlanStatesUseCase(planEnrollments, planStates),
  };
}

export type LearningTestbed = ReturnType<typeof buildLearningTestbed>;
