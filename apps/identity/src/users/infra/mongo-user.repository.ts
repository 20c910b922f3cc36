import type { Model } from 'mongoose';
import { asOutboxCollection, type OutboxEntry, type OutboxRelay } from '@lms/messaging';
import { type Page, type PageRequest } from '@lms/kernel';
import { findPage, isDuplicateKeyError } from '@lms/service-kit';
import type { User } from '../domain/user';
import type { UserListFilter, UserRepository } from '../ports/user.repository';
import type { UserRecord } from './user.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

export class MongoUserRepository implements UserRepository {
  constructor(
    private readonly model: Model<UserRecord>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(tenantId: string, id: string): Promise<User | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const record = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<UserRecord>().exec();
    return record && record.tenantId === tenantId ? toUser(record) : null;
  }

  async insert(user: User, outbox: readonly OutboxEntry[]): Promise<'inserted' | 'duplicate'> {
    try {
      await this.model.create({ ...toRecord(user), outbox: [...outbox] });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
    this.relay.publishSoon(asOutboxCollection(this.model), [user.id]);
    return 'inserted';
  }

  async list(tenantId: string, filter: UserListFilter, page: PageRequest): Promise<Page<User>> {
    const query =
      filter.emailNormalized === undefined
        ? { tenantId }
        : { tenantId, emailNormalized: filter.emailNormalized };
    return findPage(this.model.find(query, WITHOUT_OUTBOX).sort({ _id: 1 }), page, toUser);
  }
}

function toRecord(user: User): Omit<UserRecord, 'outbox'> {
  return {
    _id: user.id,
    tenantId: user.tenantId,
    email: user.email,
    emailNormalized: user.emailNormalized,
    firstName: user.firstName,
    lastName: user.lastName,
    locale: user.locale,
    state: user.state,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    version: user.version,
  };
}

function toUser(record: UserRecord): User {
  return {
    id: record._id,
    tenantId: record.tenantId,
    email: record.email,
    emailNormalized: record.emailNormalized,
    firstName: record.firstName,
    lastName: record.lastName,
    locale: record.locale,
    state: record.state,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    version: record.version,
  };
}
