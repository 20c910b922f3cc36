import type { NewJob } from '@lms/jobs';
import { MembershipEventsConsumer } from '../group-enrollments/membership-events.consumer';
import { FollowGroupMembershipsUseCase } from '../group-enrollments/use-cases/follow-group-memberships.use-case';
import {
  EndGroupEnrollmentUseCase,
  GetGroupEnrollmentUseCase,
  ListGroupEnrollmentDeparturesUseCase,
  ListGroupEnrollmentsUseCase,
} from '../group-enrollments/use-cases/group-enrollment-queries.use-cases';
import { GroupMemberEnroller } from '../group-enrollments/use-cases/group-member-enroller';
import { RunGroupEnrollmentUseCase } from '../group-enrollments/use-cases/run-group-enrollment.use-case';
import { StartGroupEnrollmentUseCase } from '../group-enrollments/use-cases/start-group-enrollment.use-case';
import { EventFactory } from '@lms/messaging';
import {
  InMemoryGroupEnrollmentDepartureRepository,
  InMemoryGroupEnrollmentRepository,
} from './in-memory-group-enrollment.repository';
import { buildLearningTestbed } from './learning-testbed';

/**
 * The learning testbed with group enrollments (LE-G1): their use cases over in-memory
 * repositories, a job queue that records what was enqueued, pages of `chunkSize` members, and
 * the membership consumer that keeps the projection and the follow.
 */
export function buildGroupEnrollmentsTestbed(options: { now?: string; chunkSize?: number } = {}) {
  const base = buildLearningTestbed(options);
  const { clock, courses, sessions, plans, enrollments, planEnrollments, memberships } = base;
  const events = new EventFactory('learning');
  const groupEnrollments = new InMemoryGroupEnrollmentRepository();
  const departures = new InMemoryGroupEnrollmentDepartureRepository();
  /** What use cases enqueued, as the job runner would take it. */
  const jobs = { enqueued: [] as NewJob[], enqueue: async (job: NewJob) => (jobs.enqueued.push(job), true) };
  const config = {
    groupEnrollmentChunkSize: options.chunkSize ?? 2,
    jobs: { leaseMs: 1_000, pollIntervalMs: 100 },
  };
  const enroller = new GroupMemberEnroller(
    courses,
    enrollments,
    base.createEnrollment,
    base.enrollInPlan,
    events,
    clock,
  );
  const follow = new FollowGroupMembershipsUseCase(
    groupEnrollments,
    departures,
    enrollments,
    planEnrollments,
    enroller,
  );
  return {
    ...base,
    groupEnrollments,
    departures,
    jobs,
    startGroupEnrollment: new StartGroupEnrollmentUseCase(
      groupEnrollments,
      courses,
      sessions,
      plans,
      jobs,
      base.powerUserScopes,
      clock,
    ),
    runGroupEnrollment: new RunGroupEnrollmentUseCase(groupEnrollments, memberships, enroller, clock, config),
    getGroupEnrollment: new GetGroupEnrollmentUseCase(groupEnrollments, base.powerUserScopes),
    listGroupEnrollments: new ListGroupEnrollmentsUseCase(groupEnrollments, base.powerUserScopes),
    endGroupEnrollment: new EndGroupEnrollmentUseCase(groupEnrollments, base.powerUserScopes, clock),
    listDepartures: new ListGroupEnrollmentDeparturesUseCase(
      groupEnrollments,
      departures,
      base.powerUserScopes,
    ),
    follow,
    membershipConsumer: new MembershipEventsConsumer(base.applyMembershipEvents, follow),
  };
}

export type GroupEnrollmentsTestbed = ReturnType<typeof buildGroupEnrollmentsTestbed>;
