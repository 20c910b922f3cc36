import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import type {
  AssignmentCreatedV1,
  EnvelopeOf,
  EventMap,
  PayloadOf,
  StreamDefinition,
  UserState,
} from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { Metrics } from '@lms/service-kit';
import { ACCOUNT_DEFAULTS, FixedClock } from '@lms/testing';
import type { NotificationsConfig } from '../config/notifications.config';
import type { Delivery, DeliveryRef } from '../deliveries/domain/delivery';
import { DEFAULT_DIGEST_SETTINGS } from '../deliveries/domain/coach-digest';
import { DEFAULT_DELIVERY_SETTINGS } from '../deliveries/domain/delivery-policy';
import { DEFAULT_SESSION_REMINDER_SETTINGS } from '../sessions/domain/scheduled-session';
import { CloseDigestWindowsUseCase } from '../deliveries/use-cases/close-digest-windows.use-case';
import { DispatchDeliveryUseCase } from '../deliveries/use-cases/dispatch-delivery.use-case';
import {
  HandleAssignmentEventsUseCase,
  type AssignmentEventCommand,
} from '../deliveries/use-cases/handle-assignment-events.use-case';
import { HandleCourseRoleEventsUseCase } from '../deliveries/use-cases/handle-course-role-events.use-case';
import { HandleEnrollmentEventsUseCase } from '../deliveries/use-cases/handle-enrollment-events.use-case';
import { HandleImportEventsUseCase } from '../deliveries/use-cases/handle-import-events.use-case';
import { HandleInvitationEventsUseCase } from '../deliveries/use-cases/handle-invitation-events.use-case';
import { HandleCourseSessionEventsUseCase } from '../deliveries/use-cases/handle-course-session-events.use-case';
import { RecordSessionRemindersUseCase } from '../deliveries/use-cases/record-session-reminders.use-case';
import { ProjectSessionAttendanceUseCase } from '../sessions/use-cases/project-session-attendance.use-case';
import { InMemoryScheduledSessionRepository } from './in-memory-scheduled-session.repository';
import { InMemorySessionAttendanceRepository } from './in-memory-session-attendance.repository';
import { MailRecorder } from '../deliveries/use-cases/mail-recorder';
import { ListDeliveriesUseCase } from '../deliveries/use-cases/list-deliveries.use-case';
import { ReleaseWaitingDeliveriesUseCase } from '../deliveries/use-cases/release-waiting-deliveries.use-case';
import { RetryDeliveryUseCase } from '../deliveries/use-cases/retry-delivery.use-case';
import { SendDueDeliveriesUseCase } from '../deliveries/use-cases/send-due-deliveries.use-case';
import { GetPreferencesUseCase } from '../preferences/use-cases/get-preferences.use-case';
import { ReplacePreferencesUseCase } from '../preferences/use-cases/replace-preferences.use-case';
import {
  ProjectUserUseCase,
  userIdOf,
  type ProjectUserCommand,
  type ProjectUserDeletionCommand,
  type ProjectUserStateCommand,
} from '../recipients/use-cases/project-user.use-case';
import type { MailSender } from '../deliveries/ports/mail-sender';
import { SessionAudiences } from '../sessions/use-cases/session-audiences';
import { FakeMailSender } from './fake-mail-sender';
import { InMemoryCourseInstructorRepository } from './in-memory-course-instructor.repository';
import { InMemorySourceVersionRepository } from './in-memory-source-version.repository';
import { InMemoryDeliveryRepository } from './in-memory-delivery.repository';
import { InMemoryDigestLockRepository } from './in-memory-digest-lock.repository';
import { InMemoryPreferenceRepository } from './in-memory-preference.repository';
import { InMemoryRecipientRepository } from './in-memory-recipient.repository';

export const TEST_TENANT = 'tenant-1';
export const TEST_APP_URL = 'https://app.example.test';
/** An administrator of the test tenant, as the delivery log sees it. */
export const TEST_ADMINISTRATOR = { userId: 'administrator', administrator: true } as const;
/** The first page of a list, at the default size. */
export const FIRST_PAGE = { limit: 50 };

export interface LoggedLine {
  level: number;
  msg: string;
  alert?: string;
  [field: string]: unknown;
}

export interface TestUser {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
}

/**
 * Builds every use case of the service over in-memory repositories, a fake mail server,
 * a fixed clock and a logger whose lines the test can read.
 */
export function buildNotificationsTestbed(
  overrides: Partial<NotificationsConfig> = {},
  mailServer?: MailSender,
) {
  const clock = new FixedClock();
  const recipients = new InMemoryRecipientRepository();
  const deliveries = new InMemoryDeliveryRepository();
  const mailer = new FakeMailSender();
  const logs: LoggedLine[] = [];
  const logger = pino(
    { base: null },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(JSON.parse(chunk.toString()) as LoggedLine);
        done();
      },
    }),
  );
  const config: NotificationsConfig = {
    smtpUrl: 'smtp://127.0.0.1:1025',
    mailFrom: 'Coaching Platform <no-reply@coaching-platform.local>',
    appUrl: TEST_APP_URL,
    delivery: { ...DEFAULT_DELIVERY_SETTINGS },
    sender: { idleMs: 0, batchSize: 100, concurrency: 10 },
    digest: { ...DEFAULT_DIGEST_SETTINGS, windowMs: 0 },
    sessionReminders: { ...DEFAULT_SESSION_REMINDER_SETTINGS },
    ...overrides,
  };
  const events = new EventFactory('notifications');
  const preferences = new InMemoryPreferenceRepository();
  const digestLocks = new InMemoryDigestLockRepository();
  const metrics = new Metrics();
  const digestWindows = new CloseDigestWindowsUseCase(
    deliveries,
    digestLocks,
    clock,
    config,
    logger,
    metrics,
  );
  const dispatch = new DispatchDeliveryUseCase(
    deliveries,
    recipients,
    preferences,
    mailServer ?? mailer,
    events,
    clock,
    config,
    logger,
    digestWindows,
    metrics,
  );
  const projectUser = new ProjectUserUseCase(recipients);
  /** How often the use cases woke the sender. */
  const sender = { wakes: 0, wake: () => void (sender.wakes += 1) };
  const releaseWaiting = new ReleaseWaitingDeliveriesUseCase(deliveries, clock, sender);
  const sourceVersions = new InMemorySourceVersionRepository();
  const recorder = new MailRecorder(deliveries, sourceVersions, clock, sender);
  const recordAssignmentMails = new HandleAssignmentEventsUseCase(recorder, config);
  const recordEnrollmentMails = new HandleEnrollmentEventsUseCase(recorder);
  const recordImportMails = new HandleImportEventsUseCase(recorder);
  const recordInvitationMails = new HandleInvitationEventsUseCase(recorder);
  const courseInstructors = new InMemoryCourseInstructorRepository();
  const recordCourseRoleMails = new HandleCourseRoleEventsUseCase(recorder, courseInstructors);
  const sessionAttendances = new InMemorySessionAttendanceRepository();
  const scheduledSessions = new InMemoryScheduledSessionRepository();
  const projectAttendance = new ProjectSessionAttendanceUseCase(sessionAttendances);
  const sessionAudiences = new SessionAudiences(sessionAttendances, courseInstructors);
  const handleSessionEvents = new HandleCourseSessionEventsUseCase(
    scheduledSessions,
    sessionAudiences,
    recorder,
  );
  const recordSessionReminders = new RecordSessionRemindersUseCase(
    scheduledSessions,
    sessionAudiences,
    deliveries,
    clock,
    config,
    sender,
  );
  /**
   * What the assignments consumer records of a batch, then what the sender does with it: the
   * deliveries recorded and still to send are dispatched (the running service's sender takes
   * them in its next pass).
   */
  const handleAssignments = {
    execute: async (commands: readonly AssignmentEventCommand[]) =>
      dispatch.executeMany((await recordAssignmentMails.execute(commands)).map(refOf)),
  };
  const sendDue = new SendDueDeliveriesUseCase(deliveries, clock, config, dispatch);
  const listDeliveries = new ListDeliveriesUseCase(deliveries);
  const retryDelivery = new RetryDeliveryUseCase(deliveries, clock, dispatch);
  const getPreferences = new GetPreferencesUseCase(preferences);
  const replacePreferences = new ReplacePreferencesUseCase(preferences, clock);

  /** What the users consumer does with a batch of these user events, then the sender with what became due. */
  async function usersChange(...commands: ProjectUserCommand[]): Promise<void> {
    await projectUser.execute(commands);
    const due = await releaseWaiting.execute(
      commands.map((command) => ({ tenantId: command.tenantId, recipientId: userIdOf(command) })),
    );
    await dispatch.executeMany(due);
  }

  return {
    clock,
    config,
    recipients,
    deliveries,
    sourceVersions,
    digestLocks,
    metrics,
    mailer,
    logs,
    dispatch,
    projectUser,
    sender,
    releaseWaiting,
    recordAssignmentMails,
    recordEnrollmentMails,
    recordCourseRoleMails,
    recordImportMails,
    recordInvitationMails,
    sessionAttendances,
    courseInstructors,
    scheduledSessions,
    projectAttendance,
    handleSessionEvents,
    recordSessionReminders,
    handleAssignments,
    /** What the assignments consumer does with a batch of one event. */
    handleAssignment: (command: AssignmentEventCommand) => handleAssignments.execute([command]),
    sendDue,
    listDeliveries,
    retryDelivery,
    preferences,
    getPreferences,
    replacePreferences,
    /** The delivery log of one recipient, newest first, as `GET /v1/deliveries?recipientId=` shows it to an administrator. */
    async deliveriesTo(recipientId: string): Promise<Delivery[]> {
      return (
        await listDeliveries.execute({
          tenantId: TEST_TENANT,
          reader: TEST_ADMINISTRATOR,
          recipientId,
          page: FIRST_PAGE,
        })
      ).items;
    },
    usersChange,
    /** What the users consumer does with a batch of one user event. */
    userArrives: (command: ProjectUserCommand) => usersChange(command),
  };
}

export type NotificationsTestbed = ReturnType<typeof buildNotificationsTestbed>;

function refOf(delivery: Delivery): DeliveryRef {
  return { tenantId: delivery.tenantId, deliveryId: delivery.id };
}

export function aUser(firstName: string, lastName: string, locale = 'en'): TestUser {
  return {
    userId: randomUUID(),
    email: `${firstName}.${lastName}@example.test`.toLowerCase(),
    firstName,
    lastName,
    locale,
  };
}

/** An event of `stream` as `producer` publishes it, in the test tenant unless told otherwise. */
export function envelope<TEvents extends EventMap, K extends keyof TEvents & string>(
  producer: string,
  stream: StreamDefinition<TEvents>,
  type: K,
  input: { tenantId?: string; aggregateId: string; aggregateVersion: number; payload: PayloadOf<TEvents, K> },
): EnvelopeOf<TEvents, K> {
  const entry = new EventFactory(producer).create(stream, type, {
    ...input,
    tenantId: input.tenantId ?? TEST_TENANT,
  });
  return entry.envelope as EnvelopeOf<TEvents, K>;
}

/** What the users consumer makes of the `user.created` of `user` (active, never expiring). */
export function userCreated(
  user: TestUser,
  options: { version?: number; tenantId?: string } = {},
): ProjectUserStateCommand {
  return userUpdated(user, { version: options.version ?? 1, tenantId: options.tenantId, state: 'active' });
}

/** What the users consumer makes of a `user.updated` of `user` at `version`: its full new state. */
export function userUpdated(
  user: TestUser,
  options: { version: number; state: UserState; expiresAt?: Date | null; tenantId?: string },
): ProjectUserStateCommand {
  return {
    kind: 'state',
    tenantId: options.tenantId ?? TEST_TENANT,
    version: options.version,
    user: {
      ...user,
      timezone: ACCOUNT_DEFAULTS.timezone,
      state: options.state,
      expiresAt: options.expiresAt ?? null,
    },
  };
}

/** What the users consumer makes of the `user.deleted` of `user` at `version`. */
export function userDeleted(
  user: Pick<TestUser, 'userId'>,
  options: { version: number; tenantId?: string },
): ProjectUserDeletionCommand {
  return {
    kind: 'deletion',
    tenantId: options.tenantId ?? TEST_TENANT,
    version: options.version,
    userId: user.userId,
  };
}

/** The payload of a current, individual assignment of `mentee` to `coaches`. */
export function individualAssignmentPayload(
  assignmentId: string,
  mentee: Pick<TestUser, 'userId'>,
  coaches: ReadonlyArray<Pick<TestUser, 'userId'>>,
): AssignmentCreatedV1 {
  return {
    assignmentId,
    menteeId: mentee.userId,
    coachIds: coaches.map((coach) => coach.userId),
    origin: 'individual',
    groupAssignmentId: null,
    groupId: null,
    startDate: '2026-03-02',
    endDate: null,
    status: 'current',
  };
}

/** What the assignments consumer makes of an `assignment.created` of `mentee` and `coaches`. */
export function assignmentCreated(
  mentee: Pick<TestUser, 'userId'>,
  coaches: ReadonlyArray<Pick<TestUser, 'userId'>>,
): AssignmentEventCommand {
  const { status: _status, ...assignment } = individualAssignmentPayload(randomUUID(), mentee, coaches);
  return {
    eventId: randomUUID(),
    tenantId: TEST_TENANT,
    type: 'assignment.created',
    version: 1,
    assignment: { ...assignment, endedAt: null, reason: null },
  };
}

/** What the assignments consumer makes of the `assignment.ended` of the assignment `created` made. */
export function assignmentEnded(created: AssignmentEventCommand): AssignmentEventCommand {
  return {
    eventId: randomUUID(),
    tenantId: created.tenantId,
    type: 'assignment.ended',
    version: created.version + 1,
    assignment: {
      ...created.assignment,
      endDate: '2026-06-30',
      endedAt: new Date('2026-06-30T17:00:00.000Z'),
      reason: 'completed',
    },
  };
}
