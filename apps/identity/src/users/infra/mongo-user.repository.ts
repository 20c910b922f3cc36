import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { USER_STATES } from '@lms/contracts';
import {
  asOutboxCollection,
  insertManyWithOutbox,
  OutboxRelay,
  writeIfVersion,
  type OutboxEntry,
} from '@lms/messaging';
import { type Page, type PageRequest, type SortOrder, type WriteOutcome } from '@lms/kernel';
import { findOfTenantByIds, findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import { DEFAULT_TIMEZONE, type User } from '../domain/user';
import type { UserInsert, UserListFilter, UserRepository } from '../ports/user.repository';
import { USER_MODEL, type UserDocument } from './user.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

const NOT_DEACTIVATED = USER_STATES.filter((state) => state !== 'deactivated');

/** A list of users in creation order: their ids (UUIDv7) grow with the time they were made. */
const CREATION_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoUserRepository implements UserRepository {
  constructor(
    @InjectModel(USER_MODEL) private readonly model: Model<UserDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(tenantId: string, id: string): Promise<User | null> {
    // By `_id` alone, which both engines serve from an index; the tenant and tombstone are checked here.
    const doc = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<UserDocument>().exec();
    return doc && doc.tenantId === tenantId && !doc.deletedAt ? toUser(doc) : null;
  }

  async findByIds(tenantId: string, ids: readonly string[]): Promise<User[]> {
    const docs = await findOfTenantByIds<UserDocument>(this.model, tenantId, ids);
    const found = new Map(docs.map((doc) => [doc._id, toUser(doc)]));
    return ids.flatMap((id) => {
      const user = found.get(id);
      return user ? [user] : [];
    });
  }

  async insert(user: User, outbox: readonly OutboxEntry[]): Promise<'inserted' | 'duplicate'> {
    try {
      await this.model.create({ ...toDocument(user), outbox: [...outbox] });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
    this.relay.publishSoon(asOutboxCollection(this.model), [user.id]);
    return 'inserted';
  }

  async insertMany(users: readonly UserInsert[]): Promise<Array<'inserted' | 'duplicate'>> {
    if (users.length === 0) return [];
    const written = await insertManyWithOutbox(
      this.model,
      this.relay,
      users.map(({ user, outbox }) => ({ document: { ...toDocument(user) }, outbox })),
    );
    return written.map((was) => (was ? 'inserted' : 'duplicate'));
  }

  async findByEmail(tenantId: string, emailNormalized: string): Promise<User | null> {
    // Exactly the fields of the unique email index: served from it on both engines.
    const doc = await this.model
      .findOne({ tenantId, emailNormalized }, WITHOUT_OUTBOX)
      .lean<UserDocument>()
      .exec();
    return doc && !doc.deletedAt ? toUser(doc) : null;
  }

  async update(user: User, expectedVersion: number, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(user);
    if (!(await writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, outbox)))
      return 'stale';
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [user.id]);
    return 'written';
  }

  async list(tenantId: string, filter: UserListFilter, page: PageRequest): Promise<Page<User>> {
    // Any filter but the exact email scans the tenant's users on the stand-in (a cold path:
    // an administrator's search, one page at a time); MongoDB narrows by the tenant first.
    return findPage(
      this.model.find(listQuery(tenantId, filter), WITHOUT_OUTBOX),
      CREATION_ORDER,
      page,
      toUser,
    );
  }

  async listDueForExpiry(now: Date, afterId: string | null, limit: number): Promise<User[]> {
    // MongoDB serves `expiresAt <= now` from the `{expiresAt: 1}` index; the stand-in scans
    // every user once per batch, which the sweep keeps off the request path (see the schema).
    const docs = await this.model
      .find(
        {
          expiresAt: trusted({ $lte: now }),
          state: trusted({ $ne: 'expired' }),
          deletedAt: null,
          ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
        },
        WITHOUT_OUTBOX,
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<UserDocument[]>()
      .exec();
    return docs.map(toUser);
  }

  async listNotDeactivated(tenantId: string, limit: number): Promise<User[]> {
    // MongoDB serves it from the `{tenantId, state, _id}` index; the stand-in scans the users,
    // once per chunk of a tenant's deletion (a job, off every request's path).
    const docs = await this.model
      .find({ tenantId, state: trusted({ $in: NOT_DEACTIVATED }), deletedAt: null }, WITHOUT_OUTBOX)
      .sort({ _id: 1 })
      .limit(limit)
      .lean<UserDocument[]>()
      .exec();
    return docs.map(toUser);
  }

  async anyHoldsPermissionProfile(tenantId: string, permissionProfile: string): Promise<boolean> {
    // MongoDB serves it from the `{tenantId, permissionProfile}` index; the stand-in scans the
    // users (a cold path: deleting a profile).
    const doc = await this.model
      .findOne({ tenantId, permissionProfile, deletedAt: null }, { _id: 1 })
      .lean<Pick<UserDocument, '_id'>>()
      .exec();
    return doc !== null;
  }
}

/** The characters a regular expression reads as syntax, escaped so that a search text is taken literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function listQuery(tenantId: string, filter: UserListFilter): Record<string, unknown> {
  const query: Record<string, unknown> = { tenantId, deletedAt: null };
  if (filter.emailNormalized !== undefined) query.emailNormalized = filter.emailNormalized;
  if (filter.state !== undefined) query.state = filter.state;
  if (filter.level !== undefined) query.level = filter.level;
  if (filter.customField !== undefined)
    query[`customFields.${filter.customField.key}`] = filter.customField.value;
  if (filter.holdsAdminRole === true) query['adminRoles.0'] = trusted({ $exists: true });
  if (filter.text !== undefined) {
    const prefix = trusted({ $regex: `^${literal(filter.text)}`, $options: 'i' });
    query.$or = [{ emailNormalized: prefix }, { firstName: prefix }, { lastName: prefix }];
  }
  return query;
}

function toDocument(user: User): Omit<UserDocument, 'outbox'> {
  return {
    _id: user.id,
    tenantId: user.tenantId,
    email: user.email,
    emailNormalized: user.emailNormalized,
    firstName: user.firstName,
    lastName: user.lastName,
    locale: user.locale,
    timezone: user.timezone,
    customFields: user.customFields,
    level: user.level,
    adminRoles: user.adminRoles,
    state: user.state,
    expiresAt: user.expiresAt,
    stateBeforeExpiry: user.stateBeforeExpiry,
    firstAccessAt: user.firstAccessAt,
    powerUserScope: user.powerUserScope,
    permissionProfile: user.permissionProfile,
    isManager: user.isManager,
    isAgent: user.isAgent,
    passwordHash: user.passwordHash,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    deletedAt: user.deletedAt,
    version: user.version,
  };
}

function toUser(doc: UserDocument): User {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    email: doc.email,
    emailNormalized: doc.emailNormalized,
    firstName: doc.firstName,
    lastName: doc.lastName,
    locale: doc.locale,
    // Accounts stored before these fields existed read as their defaults.
    timezone: doc.timezone ?? DEFAULT_TIMEZONE,
    customFields: doc.customFields ?? {},
    level: doc.level ?? 'user',
    adminRoles: doc.adminRoles ?? [],
    state: doc.state,
    expiresAt: dateOrNull(doc.expiresAt),
    stateBeforeExpiry: doc.stateBeforeExpiry ?? null,
    firstAccessAt: dateOrNull(doc.firstAccessAt),
    powerUserScope: doc.powerUserScope ? { groupIds: [...doc.powerUserScope.groupIds] } : null,
    permissionProfile: doc.permissionProfile ?? null,
    isManager: doc.isManager ?? false,
    isAgent: doc.isAgent ?? false,
    passwordHash: doc.passwordHash ?? null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    deletedAt: dateOrNull(doc.deletedAt),
    version: doc.version,
  };
}

function dateOrNull(value: Date | null | undefined): Date | null {
  return value ? new Date(value) : null;
}
