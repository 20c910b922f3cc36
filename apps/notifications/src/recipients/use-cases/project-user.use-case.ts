import { Inject, Injectable } from '@nestjs/common';
import type { EnvelopeOf, UsersStream } from '@lms/contracts';
import { RECIPIENT_REPOSITORY, type RecipientRepository } from '../ports/recipient.repository';

type UserEvents = typeof UsersStream.events;
export type UserEvent =
  | EnvelopeOf<UserEvents, 'user.created'>
  | EnvelopeOf<UserEvents, 'user.updated'>
  | EnvelopeOf<UserEvents, 'user.deleted'>;

export type ProjectionOutcome = 'applied' | 'stale';

/**
 * Keeps the recipient projection up to date from the users stream. Idempotent: an event
 * that is not newer than the stored version (a redelivery, a stale copy) changes nothing.
 */
@Injectable()
export class ProjectUserUseCase {
  constructor(@Inject(RECIPIENT_REPOSITORY) private readonly recipients: RecipientRepository) {}

  async execute(event: UserEvent): Promise<ProjectionOutcome> {
    const applied =
      event.type === 'user.deleted'
        ? await this.recipients.applyDeletion(event.tenantId, event.payload.userId, event.aggregateVersion)
        : await this.recipients.applyState(
            event.tenantId,
            {
              userId: event.payload.userId,
              email: event.payload.email,
              firstName: event.payload.firstName,
              lastName: event.payload.lastName,
              locale: event.payload.locale,
              state: event.payload.state,
            },
            event.aggregateVersion,
          );
    return applied ? 'applied' : 'stale';
  }
}
