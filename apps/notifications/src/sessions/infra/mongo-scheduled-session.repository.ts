import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import {
  foldSessionChanges,
  scheduledSessionKey,
  type ScheduledSession,
  type SessionChange,
  type SessionWrite,
} from '../domain/scheduled-session';
import type { ScheduledSessionRepository } from '../ports/scheduled-session.repository';
import { SCHEDULED_SESSION_MODEL, type ScheduledSessionDocument } from './scheduled-session.schema';

/** How the sessions take a batch of session changes (see applyVersionedBatch). */
const SESSION_BATCH: VersionedBatchPlan<SessionChange, SessionWrite, ScheduledSessionDocument> = {
  what: 'Scheduled sessions',
  keyOf: (change) => scheduledSessionKey(change.tenantId, change.sessionId),
  fold: (storedVersion, changes, stored) =>
    foldSessionChanges(
      storedVersion,
      changes,
      stored?.remindedStartsAt ? new Date(stored.remindedStartsAt) : null,
    ),
  storedFields: ['remindedStartsAt'],
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...write, remindedStartsAt: null, updatedAt: new Date() }),
  toSet: (write) => {
    const { tenantId: _t, sessionId: _s, ...fields } = write;
    return { ...fields, updatedAt: new Date() };
  },
};

@Injectable()
export class MongoScheduledSessionRepository implements ScheduledSessionRepository {
  constructor(
    @InjectModel(SCHEDULED_SESSION_MODEL) private readonly model: Model<ScheduledSessionDocument>,
  ) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<ScheduledSessionDocument> {
    return this.model.collection as unknown as mongo.Collection<ScheduledSessionDocument>;
  }

  async applyMany(changes: readonly SessionChange[]): Promise<void> {
    if (changes.length > 0) await applyVersionedBatch(this.collection(), changes, SESSION_BATCH);
  }

  /** By `_id`; the tenant is part of the key, and checked again on what comes back. */
  async find(tenantId: string, sessionId: string): Promise<ScheduledSession | null> {
    const doc = await this.collection().findOne({ _id: scheduledSessionKey(tenantId, sessionId) });
    return doc && doc.tenantId === tenantId ? toSession(doc) : null;
  }

  async dueForReminder(until: Date, limit: number): Promise<ScheduledSession[]> {
    const docs = await this.collection()
      .find({ reminderDue: true, startsAt: { $lte: until } })
      .sort({ startsAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map(toSession);
  }

  async markReminded(session: ScheduledSession): Promise<boolean> {
    // Exactly the fields of the `version_compare_and_set` unique index.
    const result = await this.collection().updateOne(
      { _id: scheduledSessionKey(session.tenantId, session.sessionId), version: session.version },
      { $set: { reminderDue: false, remindedStartsAt: session.startsAt, updatedAt: new Date() } },
    );
    return result.matchedCount > 0;
  }
}

function toSession(doc: ScheduledSessionDocument): ScheduledSession {
  return {
    tenantId: doc.tenantId,
    sessionId: doc.sessionId,
    courseId: doc.courseId,
    courseTitle: doc.courseTitle,
    startsAt: new Date(doc.startsAt),
    endsAt: new Date(doc.endsAt),
    place: doc.place ?? null,
    link: doc.link ?? null,
    cancelled: doc.cancelled,
    remindedStartsAt: doc.remindedStartsAt ? new Date(doc.remindedStartsAt) : null,
    reminderDue: doc.reminderDue,
    version: doc.version,
  };
}
