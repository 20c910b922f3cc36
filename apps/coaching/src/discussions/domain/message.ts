/** The longest message, in characters once trimmed. */
export const MAX_MESSAGE_LENGTH = 4000;

/** One message of an assignment's discussion between its mentee and its coaches (CO-W1). */
export interface Message {
  id: string;
  tenantId: string;
  assignmentId: string;
  authorId: string;
  /** Trimmed, 1 to {@link MAX_MESSAGE_LENGTH} characters. */
  text: string;
  createdAt: Date;
}

/**
 * The text of a message as it is kept: trimmed, so that blank lines around it are not part of
 * the discussion; null when nothing is left or it is too long.
 */
export function messageTextOf(raw: string): string | null {
  const text = raw.trim();
  return text.length === 0 || text.length > MAX_MESSAGE_LENGTH ? null : text;
}
