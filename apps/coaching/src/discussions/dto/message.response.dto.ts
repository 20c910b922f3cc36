import type { Message } from '../domain/message';

/** A message of an assignment's discussion as the API shows it. */
export class MessageResponseDto {
  id!: string;
  assignmentId!: string;
  /** The mentee or one of the coaches of the assignment. */
  authorId!: string;
  text!: string;
  createdAt!: string;

  static from(message: Message): MessageResponseDto {
    return {
      id: message.id,
      assignmentId: message.assignmentId,
      authorId: message.authorId,
      text: message.text,
      createdAt: message.createdAt.toISOString(),
    };
  }
}
