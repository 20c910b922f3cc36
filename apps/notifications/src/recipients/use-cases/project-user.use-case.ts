import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionOutcome, RecipientChange, RecipientState } from '../domain/recipient';
import { RECIPIENT_REPOSITORY, type RecipientRepository } from '../ports/recipient.repository';

export type { ProjectionOutcome } from '../domain/recipient';

/** A user's full state at one version of the user, as identity published it (created or updated). */
export interface ProjectUserStateCommand {
  kind: 'state';
  tenantId: string;
  /** The user's version (`aggregateVersion`): one not newer than the stored one changes nothing. */
  version: number;
  user: RecipientState;
}

/** A user's deletion at one version of the user: the recipient becomes a tombstone. */
export interface ProjectUserDeletionCommand {
  kind: 'deletion';
  tenantId: string;
  /** The user's version (`aggregateVersion`) of the deletion; the tombstone keeps it. */
  version: number;
  userId: string;
}

export type ProjectUserCommand = ProjectUserStateCommand | ProjectUserDeletionCommand;

/** The user a command is about. */
export function userIdOf(command: ProjectUserCommand): string {
  return command.kind === 'state' ? command.user.userId : command.userId;
}

/**
 * Keeps the recipient projection up to date from the users stream, a batch of users at a
 * time. Idempotent: a command that is not newer than the stored version (a redelivery, a
 * stale copy, an update older than the deletion) changes nothing. Returns each command's
 * outcome, in the order given.
 */
@Injectable()
export class ProjectUserUseCase {
  constructor(@Inject(RECIPIENT_REPOSITORY) private readonly recipients: RecipientRepository) {}

  execute(commands: readonly ProjectUserCommand[]): Promise<ProjectionOutcome[]> {
    return this.recipients.applyMany(commands.map(toChange));
  }
}

function toChange(command: ProjectUserCommand): RecipientChange {
  const { tenantId, version } = command;
  return command.kind === 'state'
    ? { tenantId, userId: command.user.userId, version, state: command.user }
    : { tenantId, userId: command.userId, version, state: null };
}
