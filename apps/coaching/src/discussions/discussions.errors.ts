import { BusinessRuleError, ConflictError, DomainError } from '@lms/kernel';
import type { DiscussionRefusal } from './domain/discussion-access';

/** CO-W1: only the assignment's mentee and its coaches take part in its discussion. */
export class DiscussionForbiddenError extends DomainError {
  constructor(assignmentId: string) {
    super(
      'DISCUSSION.FORBIDDEN',
      'forbidden',
      `Only the mentee and the coaches of assignment ${assignmentId} take part in its discussion.`,
      { assignmentId },
    );
  }
}

/** CO-W1: an expired, ended or deactivated assignment keeps its discussion as history. */
export class DiscussionClosedError extends ConflictError {
  constructor(assignmentId: string) {
    super(
      'DISCUSSION.CLOSED',
      `The discussion of assignment ${assignmentId} is closed: it can be read, and takes new messages only while the assignment is current or scheduled, and active.`,
      { assignmentId },
    );
  }
}

/** A message with nothing but spaces, or longer than allowed (the HTTP body is checked before). */
export class MessageInvalidError extends BusinessRuleError {
  constructor(maxLength: number) {
    super('DISCUSSION.MESSAGE_INVALID', `A message holds 1 to ${maxLength} characters once trimmed.`, {
      maxLength,
    });
  }
}

/** The error of a refusal of the discussion rules. */
export function discussionRefused(code: DiscussionRefusal, assignmentId: string): DomainError {
  return code === 'DISCUSSION.CLOSED'
    ? new DiscussionClosedError(assignmentId)
    : new DiscussionForbiddenError(assignmentId);
}
