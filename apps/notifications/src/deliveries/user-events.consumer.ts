import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import {
  ProjectUserUseCase,
  userIdOf,
  type ProjectUserCommand,
} from '../recipients/use-cases/project-user.use-case';
import { ReleaseWaitingDeliveriesUseCase } from './use-cases/release-waiting-deliveries.use-case';

type UserEvents = typeof UsersStream.events;
type UserEvent =
  | EnvelopeOf<UserEvents, 'user.created'>
  | EnvelopeOf<UserEvents, 'user.updated'>
  | EnvelopeOf<UserEvents, 'user.deleted'>;

/**
 * Kafka adapter of the users stream, in batches (rule 8: an import makes thousands of
 * events): updates the recipient projection, then releases the deliveries that were waiting
 * for these users (sent to a user now known and mailable, cancelled for one deleted,
 * deactivated or expired). The release also runs for a stale or repeated event, so that a
 * crash between the two steps is repaired by the redelivery.
 */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly projectUser: ProjectUserUseCase,
    private readonly releaseWaitingDeliveries: ReleaseWaitingDeliveriesUseCase,
  ) {}

  @OnEventBatch(UsersStream, ['user.created', 'user.updated', 'user.deleted'])
  async onUserEvents(@Payload() events: UserEvent[]): Promise<void> {
    const commands = events.map(toCommand);
    await this.projectUser.execute(commands);
    await this.releaseWaitingDeliveries.execute(
      commands.map((command) => ({ tenantId: command.tenantId, recipientId: userIdOf(command) })),
    );
  }
}

function toCommand(event: UserEvent): ProjectUserCommand {
  const common = { tenantId: event.tenantId, version: event.aggregateVersion };
  if (event.type === 'user.deleted') return { ...common, kind: 'deletion', userId: event.payload.userId };
  // user.created and user.updated carry the user's full state.
  const { userId, email, firstName, lastName, locale, timezone, state, expiresAt } = event.payload;
  return {
    ...common,
    kind: 'state',
    user: {
      userId,
      email,
      firstName,
      lastName,
      locale,
      timezone,
      state,
      expiresAt: expiresAt ? new Date(expiresAt) : null,
    },
  };
}
