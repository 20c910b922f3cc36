import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { POPULATION_MEMBER_STATUSES, type PopulationMemberStatus } from '../domain/population-member';

/** One user in (or once in) one coach's population, keyed `tenant:coach:user`. */
export interface PopulationMemberDocument {
  _id: string;
  tenantId: string;
  coachId: string;
  userId: string;
  status: PopulationMemberStatus;
  userVersion: number;
  populationVersion: number;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const POPULATION_MEMBER_MODEL = 'CoachPopulationMember';

export const PopulationMemberSchema = new Schema<PopulationMemberDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    coachId: { type: String, required: true },
    userId: { type: String, required: true },
    status: { type: String, required: true, enum: POPULATION_MEMBER_STATUSES },
    userVersion: { type: Number, required: true },
    populationVersion: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'coach_population', versionKey: false },
);

/** Compare-and-set of a member: exactly these fields, which the stand-in then serves from an index. */
PopulationMemberSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'coach_population_version' });
/** A coach's members in user order (MongoDB only; the stand-in scans: an administrator's page). */
PopulationMemberSchema.index({ tenantId: 1, coachId: 1, status: 1, userId: 1 });

/**
 * For each user, keyed `tenant:user`, the coaches whose population it may be in: a user's
 * change finds the coaches it may have left by `_id: {$in}`. Never less than the population.
 */
export interface PopulationUserDocument {
  _id: string;
  tenantId: string;
  userId: string;
  coachIds: string[];
}

export const POPULATION_USER_MODEL = 'CoachPopulationUser';

export const PopulationUserSchema = new Schema<PopulationUserDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    userId: { type: String, required: true },
    coachIds: { type: [String], default: [] },
  },
  { collection: 'coach_population_users', versionKey: false },
);

export function populationUserId(tenantId: string, userId: string): string {
  return `${tenantId}:${userId}`;
}
