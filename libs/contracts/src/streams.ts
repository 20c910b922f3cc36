import type { StreamDefinition } from './define-stream';
import { AssignmentsStream } from './coaching/assignments.stream';
import { GroupAssignmentsStream } from './coaching/group-assignments.stream';
import { RecommendationsStream } from './coaching/recommendations.stream';
import { GroupInvitationsStream } from './identity/group-invitations.stream';
import { GroupMembershipsStream } from './identity/group-memberships.stream';
import { GroupsStream } from './identity/groups.stream';
import { ImportsStream } from './identity/imports.stream';
import { OrganisationStream } from './identity/organisation.stream';
import { PermissionProfilesStream } from './identity/permission-profiles.stream';
import { CoachProfilesStream } from './identity/coach-profiles.stream';
import { TenantsStream } from './identity/tenants.stream';
import { UsersStream } from './identity/users.stream';
import { CourseProgressStream } from './learning/course-progress.stream';
import { CourseRolesStream } from './learning/course-roles.stream';
import { CourseSessionsStream } from './learning/course-sessions.stream';
import { CoursesStream } from './learning/courses.stream';
import { EnrollmentsStream } from './learning/enrollments.stream';
import { PlanEnrollmentsStream } from './learning/plan-enrollments.stream';
import { DeliveriesStream } from './notifications/deliveries.stream';

/** Every stream of the platform: topics are created from this list at start-up. */
export const ALL_STREAMS: readonly StreamDefinition[] = [
  UsersStream,
  GroupsStream,
  GroupMembershipsStream,
  GroupInvitationsStream,
  TenantsStream,
  CoachProfilesStream,
  OrganisationStream,
  PermissionProfilesStream,
  ImportsStream,
  GroupAssignmentsStream,
  AssignmentsStream,
  RecommendationsStream,
  CourseProgressStream,
  CoursesStream,
  CourseRolesStream,
  CourseSessionsStream,
  EnrollmentsStream,
  PlanEnrollmentsStream,
  DeliveriesStream,
];
