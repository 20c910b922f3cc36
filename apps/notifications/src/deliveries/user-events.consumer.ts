import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { ProjectUserUseCase, type ProjectUserCommand } from '../recipients/use-cases/project-user.use-case';
import { ReleaseWaitingDeliveriesUseCase } from './use-cases/release-waiting-deliveries.use-case';

type UserCreated = EnvelopeOf<typeof UsersStream.events, 'user.created'>;

/**
 * Kafka adapter of the users stream, in batches (rule 8: an import makes thousands of
 * events): updates the recipient projection, then sends the deliveries that were waiting for
 * the users created. The release also runs for a stale or repeated event, so that a crash
 * between the two steps is repaired by the redelivery.
 */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly projectUser: ProjectUserUseCase,
    private readonly releaseWaitingDeliveries: ReleaseWaitingDeliveriesUseCase,
  ) {}

  @OnEventBatch(UsersStream, ['user.created'])
  async onUserEvents(@Payload() events: UserCreated[]): Promise<void> {
    await this.projectUser.execute(events.map(toCommand));
    await this.releaseWaitingDeliveries.execute(
      events.map((event) => ({ tenantId: event.tenantId, recipientId: event.payload.userId })),
    );
  }
}

function toCommand(event: UserCreated): ProjectUserCommand {
  const { userId, email, firstName, lastName, locale, state } = event.payload;
  return {
    tenantId: event.tenantId,
    version: event.aggregateVersion,
    user: { userId, email, firstName, lastName, locale, state },
  };
}
