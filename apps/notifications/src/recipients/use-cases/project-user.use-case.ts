import { Inject, Injectable } from '@nestjs/common';
import type { EnvelopeOf, UsersStream } from '@lms/contracts';
import type { ProjectionOutcome, RecipientChange } from '../domain/recipient';
import { RECIPIENT_REPOSITORY, type RecipientRepository } from '../ports/recipient.repository';

type UserEvents = typeof UsersStream.events;
export type UserEvent =
  | EnvelopeOf<UserEvents, 'user.created'>
  | EnvelopeOf<UserEvents, 'user.updated'>
  | EnvelopeOf<UserEvents, 'user.deleted'>;

export type { ProjectionOutcome } from '../domain/recipient';

/**
 * Keeps the recipient projection up to date from the users stream, a batch of events at a
 * time. Idempotent: an event that is not newer than the stored version (a redelivery, a
 * stale copy) changes nothing. Returns each event's outcome, in the order given.
 */
@Injectable()
export class ProjectUserUseCase {
  constructor(@Inject(RECIPIENT_REPOSITORY) private readonly recipients: RecipientRepository) {}

  execute(events: readonly UserEvent[]): Promise<ProjectionOutcome[]> {
    return this.recipients.applyMany(events.map(toChange));
  }
}

function toChange(event: UserEvent): RecipientChange {
  const common = { tenantId: event.tenantId, userId: event.payload.userId, version: event.aggregateVersion };
  if (event.type === 'user.deleted') return { ...common, state: null };
  const { userId, email, firstName, lastName, locale, state } = event.payload;
  return { ...common, state: { userId, email, firstName, lastName, locale, state } };
}
