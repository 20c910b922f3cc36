import { Schema } from 'mongoose';
import { MAX_MESSAGE_LENGTH } from '../domain/message';

export interface MessageDocument {
  _id: string;
  tenantId: string;
  assignmentId: string;
  authorId: string;
  text: string;
  createdAt: Date;
}

export const MESSAGE_MODEL = 'AssignmentMessage';

export const MessageSchema = new Schema<MessageDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    assignmentId: { type: String, required: true },
    authorId: { type: String, required: true },
    text: { type: String, required: true, maxlength: MAX_MESSAGE_LENGTH },
    createdAt: { type: Date, required: true },
  },
  { collection: 'assignment_messages', versionKey: false },
);

// A discussion's pages, oldest first, and the last message of a page of assignments (CO-A10):
// real MongoDB only, the local stand-in scans (non-unique). `_id` last so that the order of
// messages of the same instant is served too.
MessageSchema.index({ tenantId: 1, assignmentId: 1, createdAt: 1, _id: 1 });
