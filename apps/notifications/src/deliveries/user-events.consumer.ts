import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { ProjectUserUseCase, type UserEvent } from '../recipients/use-cases/project-user.use-case';
import { ReleaseWaitingDeliveriesUseCase } from './use-cases/release-waiting-deliveries.use-case';

/**
 * Kafka adapter of the users stream, in batches (rule 8: an import makes thousands of
 * events): updates the recipient projection, then sends the deliveries that were waiting for
 * the users created or updated. The release also runs for a stale or repeated event, so that
 * a crash between the two steps is repaired by the redelivery.
 */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly projectUser: ProjectUserUseCase,
    private readonly releaseWaitingDeliveries: ReleaseWaitingDeliveriesUseCase,
  ) {}

  @OnEventBatch(UsersStream, ['user.created', 'user.updated', 'user.deleted'])
  async onUserEvents(@Payload() events: UserEvent[]): Promise<void> {
    await this.projectUser.execute(events);
    await this.releaseWaitingDeliveries.execute(
      events
        .filter((event) => event.type !== 'user.deleted')
        .map((event) => ({ tenantId: event.tenantId, recipientId: event.payload.userId })),
    );
  }
}
