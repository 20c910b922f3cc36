import type { OutboxEntry } from '@lms/messaging';
import { eventually } from '@lms/testing';
import type { ServiceTestApp } from '@lms/service-testing';

/**
 * The events a running notifications service has handled without error, by
 * {@link handledKey}: the test publishes on a shared broker and waits for its own events.
 */
export class HandledEvents {
  private readonly keys = new Set<string>();

  /** Spies on the service's batch use cases of users, assignments, enrollments, course roles, sessions, imports and invitations (call before events flow). */
  async watch(service: ServiceTestApp): Promise<void> {
    const { ProjectUserUseCase, userIdOf } = await import(
      '../../src/recipients/use-cases/project-user.use-case'
    );
    const { HandleAssignmentEventsUseCase } = await import(
      '../../src/deliveries/use-cases/handle-assignment-events.use-case'
    );
    const { HandleEnrollmentEventsUseCase } = await import(
      '../../src/deliveries/use-cases/handle-enrollment-events.use-case'
    );
    const { HandleCourseRoleEventsUseCase } = await import(
      '../../src/deliveries/use-cases/handle-course-role-events.use-case'
    );
    const { HandleImportEventsUseCase } = await import(
      '../../src/deliveries/use-cases/handle-import-events.use-case'
    );
    const handleImports = service.app.get(HandleImportEventsUseCase);
    this.spy<Parameters<typeof handleImports.execute>[0][number]>(
      handleImports,
      (command) => command.eventId,
    );
    const { HandleInvitationEventsUseCase } = await import(
      '../../src/deliveries/use-cases/handle-invitation-events.use-case'
    );
    const handleInvitations = service.app.get(HandleInvitationEventsUseCase);
    this.spy<Parameters<typeof handleInvitations.execute>[0][number]>(
      handleInvitations,
      (command) => command.eventId,
    );
    const { HandleCourseSessionEventsUseCase } = await import(
      '../../src/deliveries/use-cases/handle-course-session-events.use-case'
    );
    const handleSessions = service.app.get(HandleCourseSessionEventsUseCase);
    this.spy<Parameters<typeof handleSessions.execute>[0][number]>(
      handleSessions,
      (command) => command.eventId,
    );
    const projectUser = service.app.get(ProjectUserUseCase);
    const handleCourseRoles = service.app.get(HandleCourseRoleEventsUseCase);
    const handleAssignments = service.app.get(HandleAssignmentEventsUseCase);
    const handleEnrollments = service.app.get(HandleEnrollmentEventsUseCase);
    this.spy<Parameters<typeof projectUser.execute>[0][number]>(projectUser, (command) =>
      userVersionKey(userIdOf(command), command.version),
    );
    this.spy<Parameters<typeof handleAssignments.execute>[0][number]>(
      handleAssignments,
      (command) => command.eventId,
    );
    this.spy<Parameters<typeof handleEnrollments.execute>[0][number]>(
      handleEnrollments,
      (command) => command.eventId,
    );
    this.spy<Parameters<typeof handleCourseRoles.execute>[0][number]>(
      handleCourseRoles,
      (command) => command.eventId,
    );
  }

  has(entry: OutboxEntry): boolean {
    return this.keys.has(handledKey(entry));
  }

  forget(entries: readonly OutboxEntry[]): void {
    for (const entry of entries) this.keys.delete(handledKey(entry));
  }

  /** Waits until every one of these events was handled (by any watched instance). */
  async waitFor(entries: readonly OutboxEntry[], timeoutMs = 30_000): Promise<void> {
    await eventually(() => expect(entries.filter((entry) => !this.has(entry))).toEqual([]), { timeoutMs });
  }

  private spy<C>(
    useCase: { execute(commands: readonly C[]): Promise<unknown> },
    keyOf: (command: C) => string,
  ): void {
    const original = useCase.execute.bind(useCase);
    jest.spyOn(useCase, 'execute').mockImplementation(async (commands) => {
      const result = await original(commands);
      for (const command of commands) this.keys.add(keyOf(command));
      return result;
    });
  }
}

/** A user's commands carry no event id: the projection knows a user event by user and version. */
function userVersionKey(userId: string, version: number): string {
  return `user ${userId} v${version}`;
}

/** How a handled event is recorded: a user event by user and version, any other by its id. */
function handledKey(entry: OutboxEntry): string {
  const { envelope } = entry;
  return envelope.type.startsWith('user.')
    ? userVersionKey(envelope.aggregateId, envelope.aggregateVersion)
    : entry.eventId;
}
