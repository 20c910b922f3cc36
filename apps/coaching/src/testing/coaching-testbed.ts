import type { GroupRole } from '@lms/contracts';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { createLogger } from '@lms/observability';
import { FixedClock } from '@lms/testing';
import { ApplyMembershipEventsUseCase } from '../assignments/use-cases/apply-membership-events.use-case';
import { CreateGroupAssignmentUseCase } from '../assignments/use-cases/create-group-assignment.use-case';
import type { AssignmentEventType } from '../assignments/domain/assignment-lifecycle';
import { AssignmentLifecycleUseCase } from '../assignments/use-cases/assignment-lifecycle.use-case';
import { AssignableCoaches } from '../assignments/use-cases/assignable-coaches';
import { AssignmentWriter } from '../assignments/use-cases/assignment-writer';
import { CreateAssignmentUseCase } from '../assignments/use-cases/create-assignment.use-case';
import { FollowAssignmentCalendarUseCase } from '../assignments/use-cases/follow-assignment-calendar.use-case';
import { FollowGroupAssignmentUseCase } from '../assignments/use-cases/follow-group-assignment.use-case';
import { ExpireGroupAssignmentsUseCase } from '../assignments/use-cases/expire-group-assignments.use-case';
import { GroupAssignmentLifecycleUseCase } from '../assignments/use-cases/group-assignment-lifecycle.use-case';
import {
  GetBulkAssignmentUseCase,
  ListBulkCandidatesUseCase,
  RunBulkAssignmentUseCase,
} from '../assignments/use-cases/bulk-assignment.use-cases';
import { StartBulkAssignmentUseCase } from '../assignments/use-cases/start-bulk-assignment.use-case';
import { ListMyMenteesUseCase } from '../assignments/use-cases/list-my-mentees.use-case';
import type { NewJob } from '@lms/jobs';
import { GetAssignmentUseCase } from '../assignments/use-cases/get-assignment.use-case';
import { GetGroupAssignmentUseCase } from '../assignments/use-cases/get-group-assignment.use-case';
import { ListAssignmentsUseCase } from '../assignments/use-cases/list-assignments.use-case';
import { ListGroupAssignmentsUseCase } from '../assignments/use-cases/list-group-assignments.use-case';
import { RunGroupFanOutUseCase } from '../assignments/use-cases/run-group-fan-out.use-case';
import type { Membership, MembershipChange } from '../memberships/domain/membership';
import type { ProjectionOutcome } from '../shared/projection-outcome';
import { ApplyTenantEventsUseCase } from '../tenants/use-cases/apply-tenant-events.use-case';
import { ProjectedTenantCalendar } from '../tenants/use-cases/projected-tenant-calendar';
import type { CoachingUserChange, CoachingUserProfile } from '../users/domain/coaching-user';
import { ApplyUserEventsUseCase } from '../users/use-cases/apply-user-events.use-case';
import { InMemoryAssignmentRepository } from './in-memory-assignment.repository';
import { InMemoryBulkAssignmentRepository } from './in-memory-bulk-assignment.repository';
import { InMemoryCoachingTenantRepository } from './in-memory-coaching-tenant.repository';
import { InMemoryCoachingUserRepository } from './in-memory-coaching-user.repository';
import { InMemoryGroupAssignmentRepository } from './in-memory-group-assignment.repository';
import { InMemoryMembershipProjectionRepository } from './in-memory-membership-projection.repository';

export const TENANT = 'tenant-a';
export const OTHER_TENANT = 'tenant-b';

export interface TestbedOptions {
  /** The fixed time of the clock; defaults to 2025-03-10T09:00:00Z. */
  now?: string;
  fanOutChunkSize?: number;
  calendarBatchSize?: number;
}

/** Every use case of the service, built on in-memory repositories and a fixed clock. */
export function buildCoachingTestbed(options: TestbedOptions = {}) {
  const clock = new FixedClock(options.now ?? '2025-03-10T09:00:00.000Z');
  const events = new EventFactory('coaching');
  const logger = createLogger('coaching-test', { level: 'silent' });
  const memberships = new InMemoryMembershipProjectionRepository();
  const groupAssignments = new InMemoryGroupAssignmentRepository();
  const assignments = new InMemoryAssignmentRepository();
  const users = new InMemoryCoachingUserRepository();
  const bulks = new InMemoryBulkAssignmentRepository();
  /** The tenants' calendar over the projection of tenants, in memory: UTC until a tenant is given a zone. */
  const tenants = new InMemoryCoachingTenantRepository();
  const calendar = new ProjectedTenantCalendar(tenants);
  /** What use cases enqueued, as the job runner would take it. */
  const jobs = { enqueued: [] as NewJob[], enqueue: async (job: NewJob) => (jobs.enqueued.push(job), true) };
  const writer = new AssignmentWriter(assignments, events, clock);
  const coaches = new AssignableCoaches(users, clock);
  const config = {
    fanOutChunkSize: options.fanOutChunkSize ?? 500,
    jobs: { leaseMs: 15_000, pollIntervalMs: 1_000 },
    assignmentCalendar: { intervalMs: 0, batchSize: options.calendarBatchSize ?? 200, noticeDays: 7 },
  };
  const groupLifecycle = new GroupAssignmentLifecycleUseCase(
    groupAssignments,
    events,
    clock,
    coaches,
    calendar,
  );
  const applyMembershipEvents = new ApplyMembershipEventsUseCase(
    memberships,
    groupAssignments,
    assignments,
    writer,
    clock,
    calendar,
  );

  return {
    clock,
    memberships,
    groupAssignments,
    assignments,
    users,
    tenants,
    calendar,
    applyTenantEvents: new ApplyTenantEventsUseCase(tenants),
    createGroupAssignment: new CreateGroupAssignmentUseCase(groupAssignments, events, clock, calendar),
    runFanOut: new RunGroupFanOutUseCase(
      groupAssignments,
      memberships,
      assignments,
      writer,
      clock,
      config,
      logger,
      calendar,
    ),
    applyMembershipEvents,
    getGroupAssignment: new GetGroupAssignmentUseCase(groupAssignments),
    listGroupAssignments: new ListGroupAssignmentsUseCase(groupAssignments),
    getAssignment: new GetAssignmentUseCase(assignments),
    listAssignments: new ListAssignmentsUseCase(assignments),
    applyUserEvents: new ApplyUserEventsUseCase(users),
    createAssignment: new CreateAssignmentUseCase(users, writer, clock, calendar),
    lifecycle: new AssignmentLifecycleUseCase(assignments, writer, clock, coaches, calendar),
    groupLifecycle,
    expireGroupAssignments: new ExpireGroupAssignmentsUseCase(
      groupAssignments,
      groupLifecycle,
      clock,
      calendar,
    ),
    bulks,
    jobs,
    startBulk: new StartBulkAssignmentUseCase(bulks, coaches, jobs, clock, calendar),
    runBulk: new RunBulkAssignmentUseCase(
      bulks,
      users,
      memberships,
      assignments,
      writer,
      clock,
      config,
      calendar,
    ),
    getBulk: new GetBulkAssignmentUseCase(bulks),
    bulkCandidates: new ListBulkCandidatesUseCase(memberships, assignments),
    myMentees: new ListMyMenteesUseCase(assignments, users),
    follow: new FollowGroupAssignmentUseCase(
      groupAssignments,
      assignments,
      writer,
      clock,
      config,
      memberships,
      calendar,
    ),
    followCalendar: new FollowAssignmentCalendarUseCase(assignments, writer, clock, calendar),

    /** Users coaching knows and may assign, as identity's events left them. */
    async givenUsers(...userIds: string[]): Promise<void> {
      await users.applyMany(
        userIds.map((userId) => ({
          tenantId: TENANT,
          userId,
          version: 1,
          occurredAt: clock.now(),
          profile: aUserProfile(userId),
        })),
      );
    },

    /** The tenant counts its days in `timezone` (IANA), as identity's events left it. */
    async givenTenantTimezone(timezone: string, tenantId = TENANT): Promise<void> {
      const version = ((await tenants.find(tenantId))?.version ?? 0) + 1;
      await tenants.applyMany([{ tenantId, version, occurredAt: clock.now(), state: 'active', timezone }]);
    },

    /** A membership event alone in its batch, as the consumer hands it over (defaults: added, version 1, now). */
    async membershipEvent(
      groupId: string,
      userId: string,
      change: Partial<Omit<MembershipChange, 'groupId' | 'userId'>> = {},
    ): Promise<{ projection: ProjectionOutcome; created: number; ended: number }> {
      const outcome = await applyMembershipEvents.execute([
        {
          tenantId: TENANT,
          groupId,
          userId,
          status: 'active',
          roles: ['learner'],
          version: 1,
          occurredAt: clock.now(),
          ...change,
        },
      ]);
      return { projection: outcome.projection[0], created: outcome.created, ended: outcome.ended };
    },

    /** Members already in the projection, as identity's events left them. */
    async givenMembers(
      groupId: string,
      members: ReadonlyArray<{ userId: string; roles: GroupRole[] }>,
    ): Promise<void> {
      for (const member of members) {
        await memberships.applyMany([
          {
            tenantId: TENANT,
            groupId,
            userId: member.userId,
            status: 'active',
            roles: member.roles,
            version: 1,
            occurredAt: new Date('2025-01-01T00:00:00.000Z'),
          },
        ]);
      }
    },

    /** What the projection holds of one member of the tenant, or null. */
    async membership(groupId: string, userId: string): Promise<Membership | null> {
      const [found] = await memberships.findMany(TENANT, groupId, [userId]);
      return found ?? null;
    },

    /**
     * A user event as the consumer hands it over, at the clock's time: the user's full state (an
     * active learner unless told otherwise), or null for a deletion; in the tenant unless told.
     */
    userChange(
      userId: string,
      version: number,
      profile: Partial<CoachingUserProfile> | null = {},
      tenantId = TENANT,
    ): CoachingUserChange {
      return {
        tenantId,
        userId,
        version,
        occurredAt: clock.now(),
        profile: profile === null ? null : { ...aUserProfile(userId), ...profile },
      };
    },

    /** The assignment events written so far, of one type. */
    assignmentEvents(type: AssignmentEventType): OutboxEntry[] {
      return assignments.published.filter((entry) => entry.envelope.type === type);
    },
  };
}

export type CoachingTestbed = ReturnType<typeof buildCoachingTestbed>;

/** The full state identity publishes for an active learner who never expires. */
export function aUserProfile(userId: string): CoachingUserProfile {
  return {
    email: `${userId}@example.test`,
    firstName: 'Ada',
    lastName: 'Lovelace',
    locale: 'en',
    state: 'active',
    level: 'user',
    adminRoles: [],
    expiresAt: null,
  };
}

/** Sorted UUIDs, so that tests can reason about the fan-out's userId order. */
export function orderedIds(count: number): string[] {
  return Array.from({ length: count }, () => newId()).sort();
}
