import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionOutcome, RecipientState } from '../domain/recipient';
import { RECIPIENT_REPOSITORY, type RecipientRepository } from '../ports/recipient.repository';

export type { ProjectionOutcome } from '../domain/recipient';

/** A user's full state at one version of the user, as identity published it. */
export interface ProjectUserCommand {
  tenantId: string;
  /** The user's version (`aggregateVersion`): one not newer than the stored one changes nothing. */
  version: number;
  user: RecipientState;
}

/**
 * Keeps the recipient projection up to date from the users stream, a batch of users at a
 * time. Idempotent: a command that is not newer than the stored version (a redelivery, a
 * stale copy) changes nothing. Returns each command's outcome, in the order given.
 */
@Injectable()
export class ProjectUserUseCase {
  constructor(@Inject(RECIPIENT_REPOSITORY) private readonly recipients: RecipientRepository) {}

  execute(commands: readonly ProjectUserCommand[]): Promise<ProjectionOutcome[]> {
    return this.recipients.applyMany(
      commands.map(({ tenantId, version, user }) => ({
        tenantId,
        userId: user.userId,
        version,
        state: user,
      })),
    );
  }
}
