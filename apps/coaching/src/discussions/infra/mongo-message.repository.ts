import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { Message } from '../domain/message';
import type { MessageRepository } from '../ports/message.repository';
import { MESSAGE_MODEL, type MessageDocument } from './message.schema';

/** The order of a discussion: oldest first, by id among messages written at once. */
const OLDEST_FIRST: SortOrder = [
  ['createdAt', 1],
  ['_id', 1],
];

@Injectable()
export class MongoMessageRepository implements MessageRepository {
  constructor(@InjectModel(MESSAGE_MODEL) private readonly model: Model<MessageDocument>) {}

  async insert(message: Message): Promise<void> {
    const { id, ...fields } = message;
    await this.model.create({ _id: id, ...fields });
  }

  listOf(tenantId: string, assignmentId: string, page: PageRequest): Promise<Page<Message>> {
    return findPage(this.model.find({ tenantId, assignmentId }), OLDEST_FIRST, page, toMessage);
  }

  async lastMessageAt(tenantId: string, assignmentIds: readonly string[]): Promise<Map<string, Date>> {
    if (assignmentIds.length === 0) return new Map();
    // One aggregation for a whole page of assignments, matched from the (tenant, assignment,
    // time) index on MongoDB; the local stand-in scans.
    const rows = await this.model.aggregate<{ _id: string; at: Date }>([
      { $match: { tenantId, assignmentId: trusted({ $in: [...new Set(assignmentIds)] }) } },
      { $group: { _id: '$assignmentId', at: { $max: '$createdAt' } } },
    ]);
    return new Map(rows.map((row) => [row._id, new Date(row.at)]));
  }
}

function toMessage(doc: MessageDocument): Message {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    assignmentId: doc.assignmentId,
    authorId: doc.authorId,
    text: doc.text,
    createdAt: new Date(doc.createdAt),
  };
}
