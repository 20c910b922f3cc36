import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { ReleaseRolesOfDeletedUsersUseCase } from './use-cases/release-roles-of-deleted-users.use-case';

type UserDeleted = EnvelopeOf<typeof UsersStream.events, 'user.deleted'>;

/** Kafka adapter: identity's account deletions, in batches (rule 8), release their course roles (LE-C2). */
@Controller()
export class UserEventsConsumer {
  constructor(private readonly releaseRoles: ReleaseRolesOfDeletedUsersUseCase) {}

  @OnEventBatch(UsersStream, ['user.deleted'])
  async onUsersDeleted(@Payload() events: UserDeleted[]): Promise<void> {
    await this.releaseRoles.execute(
      events.map((event) => ({ tenantId: event.tenantId, userId: event.payload.userId })),
    );
  }
}
