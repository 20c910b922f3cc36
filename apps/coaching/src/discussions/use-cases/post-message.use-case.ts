import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../../assignments/ports/assignment.repository';
import { MessageInvalidError } from '../discussions.errors';
import { decideWriting } from '../domain/discussion-access';
import { MAX_MESSAGE_LENGTH, messageTextOf, type Message } from '../domain/message';
import { MESSAGE_REPOSITORY, type MessageRepository } from '../ports/message.repository';
import { openDiscussion } from './open-discussion';

export interface PostMessageCommand {
  tenantId: string;
  assignmentId: string;
  /** Who writes; null (a caller without an account) takes part in no discussion. */
  authorId: string | null;
  text: string;
}

/**
 * CO-W1: the mentee or a coach of the assignment writes to the other side, while the
 * assignment is current or scheduled, and active.
 */
@Injectable()
export class PostMessageUseCase {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    @Inject(MESSAGE_REPOSITORY) private readonly messages: MessageRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: PostMessageCommand): Promise<Message> {
    const { tenantId, assignmentId, authorId } = command;
    const text = messageTextOf(command.text);
    if (text === null) throw new MessageInvalidError(MAX_MESSAGE_LENGTH);
    await openDiscussion(this.assignments, { tenantId, assignmentId, userId: authorId }, decideWriting);
    const now = this.clock.now();
    // Allowed, so the author is the mentee or one of the coaches.
    const message: Message = {
      id: newId(now),
      tenantId,
      assignmentId,
      authorId: authorId as string,
      text,
      createdAt: now,
    };
    await this.messages.insert(message);
    await this.assignments.recordInteraction(tenantId, assignmentId, now);
    return message;
  }
}
