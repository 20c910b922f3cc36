import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { recordFirstCourseAccess } from '../domain/user-lifecycle';
import { UserNotFoundError } from '../users.errors';
import { UserWriter } from './user-writes';

export interface RecordFirstCourseAccessCommand {
  tenantId: string;
  userId: string;
  /** When the user first opened a course. */
  at: Date;
}

/**
 * ID-U3, LE-E4: the first time a user opens a course, `activated` becomes `active`, once:
 * a compare-and-set on the user's version with `user.updated`, so a redelivered or late event
 * changes nothing. A deactivated or expired user keeps its state and returns to `active` when
 * restored. An unknown (or deleted) user is `not_found`, not an error: the event is done with.
 */
@Injectable()
export class RecordFirstCourseAccessUseCase {
  constructor(
    private readonly writer: UserWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RecordFirstCourseAccessCommand): Promise<'changed' | 'unchanged' | 'not_found'> {
    try {
      const written = await this.writer.change(
        { tenantId: command.tenantId, userId: command.userId },
        (user) => recordFirstCourseAccess(user, command.at, this.clock.now()),
      );
      return written.outcome;
    } catch (error) {
      if (error instanceof UserNotFoundError) return 'not_found';
      throw error;
    }
  }
}
