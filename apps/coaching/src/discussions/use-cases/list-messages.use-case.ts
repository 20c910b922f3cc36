import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../../assignments/ports/assignment.repository';
import { decideReading } from '../domain/discussion-access';
import type { Message } from '../domain/message';
import { MESSAGE_REPOSITORY, type MessageRepository } from '../ports/message.repository';
import { openDiscussion } from './open-discussion';

/** CO-W1: the discussion of one assignment, oldest first, to its mentee and its coaches only, history included. */
@Injectable()
export class ListMessagesUseCase {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    @Inject(MESSAGE_REPOSITORY) private readonly messages: MessageRepository,
  ) {}

  async execute(query: {
    tenantId: string;
    assignmentId: string;
    readerId: string | null;
    page: PageRequest;
  }): Promise<Page<Message>> {
    const { tenantId, assignmentId } = query;
    await openDiscussion(this.assignments, { tenantId, assignmentId, userId: query.readerId }, decideReading);
    return this.messages.listOf(tenantId, assignmentId, query.page);
  }
}
