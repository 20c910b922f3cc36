import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream, type EnvelopeOf } from '@lms/contracts';
import { OnEvent } from '@lms/messaging';
import { ProjectUserUseCase } from '../recipients/use-cases/project-user.use-case';
import { ReleaseWaitingDeliveriesUseCase } from './use-cases/release-waiting-deliveries.use-case';

type UserEvents = typeof UsersStream.events;

/**
 * Kafka adapter of the users stream: updates the recipient projection, then sends the
 * deliveries that were waiting for that user. The release also runs for a stale or repeated
 * event, so that a crash between the two steps is repaired by the redelivery.
 */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly projectUser: ProjectUserUseCase,
    private readonly releaseWaitingDeliveries: ReleaseWaitingDeliveriesUseCase,
  ) {}

  @OnEvent(UsersStream, 'user.created')
  async onCreated(@Payload() event: EnvelopeOf<UserEvents, 'user.created'>): Promise<void> {
    await this.projectUser.execute(event);
    await this.releaseWaitingDeliveries.execute(event.tenantId, event.payload.userId);
  }

  @OnEvent(UsersStream, 'user.updated')
  async onUpdated(@Payload() event: EnvelopeOf<UserEvents, 'user.updated'>): Promise<void> {
    await this.projectUser.execute(event);
    await this.releaseWaitingDeliveries.execute(event.tenantId, event.payload.userId);
  }

  @OnEvent(UsersStream, 'user.deleted')
  async onDeleted(@Payload() event: EnvelopeOf<UserEvents, 'user.deleted'>): Promise<void> {
    await this.projectUser.execute(event);
  }
}
