import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import type { CoachFilter } from '../domain/coach-profile';

export interface CoachProfileDocument {
  /** The coach's manager account. */
  _id: string;
  tenantId: string;
  learnerUserId: string;
  roleLearnerManager: string;
  roleCoach: string;
  filters: CoachFilter[];
  populationVersion: number;
  populationCursor: string | null;
  populationRecomputedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  version: number;
  outbox: OutboxEntry[];
}

export const COACH_PROFILE_MODEL = 'CoachProfile';

export const CoachProfileSchema = new Schema<CoachProfileDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    learnerUserId: { type: String, required: true },
    roleLearnerManager: { type: String, required: true },
    roleCoach: { type: String, required: true },
    filters: {
      type: [
        { _id: false, field: { type: String, required: true }, value: { type: String, required: true } },
      ],
      default: [],
    },
    populationVersion: { type: Number, required: true },
    populationCursor: { type: String, default: null },
    populationRecomputedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'coach_profiles', versionKey: false },
);

/**
 * Compare-and-set of a change: exactly these fields, so that the local stand-in serves the
 * filter from an index too (MongoDB uses `_id`). Reads are by `_id` or `_id: {$in}`.
 */
CoachProfileSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'coach_profile_version' },
);
/** The tenant's profiles in id order (MongoDB only; the stand-in scans: an administrator's page). */
CoachProfileSchema.index({ tenantId: 1, _id: 1 });

/**
 * ID-C3: the coaches having a filter, keyed `tenant:field:value` (each part URI-encoded, so
 * that a colon in a field or value is no separator): a user's change finds the coaches to
 * check by `_id: {$in}` over its field values, which both engines serve from the `_id` index.
 * It may list a coach that dropped the filter a moment ago; never miss one that has it.
 */
export interface CoachFilterIndexDocument {
  _id: string;
  tenantId: string;
  field: string;
  value: string;
  coachIds: string[];
}

export const COACH_FILTER_INDEX_MODEL = 'CoachFilterIndex';

export const CoachFilterIndexSchema = new Schema<CoachFilterIndexDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    field: { type: String, required: true },
    value: { type: String, required: true },
    coachIds: { type: [String], default: [] },
  },
  { collection: 'coach_filter_index', versionKey: false },
);

export function coachFilterKey(tenantId: string, filter: CoachFilter): string {
  return [tenantId, filter.field, filter.value].map(encodeURIComponent).join(':');
}

/**
 * ID-C1: which coach holds each learner account's link, keyed `tenant:learner` (URI-encoded
 * parts): claimed by `_id`, handed on and released by exactly `{_id, coachId}`, a unique index
 * so that the local stand-in serves that filter from an index too.
 */
export interface CoachLearnerLinkDocument {
  _id: string;
  tenantId: string;
  learnerUserId: string;
  coachId: string;
  claimedAt: Date;
}

export const COACH_LEARNER_LINK_MODEL = 'CoachLearnerLink';

export const CoachLearnerLinkSchema = new Schema<CoachLearnerLinkDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    learnerUserId: { type: String, required: true },
    coachId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'coach_learner_links', versionKey: false },
);
CoachLearnerLinkSchema.index({ _id: 1, coachId: 1 }, { unique: true, name: 'link_holder' });

export function coachLearnerLinkKey(tenantId: string, learnerUserId: string): string {
  return [tenantId, learnerUserId].map(encodeURIComponent).join(':');
}
