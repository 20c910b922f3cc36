import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import {
  COURSE_KINDS,
  COURSE_STATES,
  ENROLLMENT_POLICIES,
  MATERIAL_KINDS,
  MAX_COURSE_DESCRIPTION_LENGTH,
  MAX_COURSE_TITLE_LENGTH,
  type CourseKind,
  type CourseState,
  type EnrollmentPolicy,
  type MaterialItem,
} from '../domain/course';
import { GRANTABLE_COURSE_ROLES, type CourseRoleHolder } from '../domain/course-roles';

export const COURSE_MODEL = 'Course';

export interface CourseDocument {
  _id: string;
  tenantId: string;
  title: string;
  description: string | null;
  kind: CourseKind;
  state: CourseState;
  enrollmentPolicy: EnrollmentPolicy;
  overbookingAllowed: boolean;
  groupIds: string[];
  material: MaterialItem[];
  authorId: string | null;
  /** Absent on courses written before course roles: none. */
  roles?: CourseRoleHolder[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

const MaterialItemSchema = new Schema<MaterialItem>(
  {
    title: { type: String, required: true },
    kind: { type: String, required: true, enum: MATERIAL_KINDS },
    url: { type: String, required: true },
  },
  { _id: false },
);

const CourseRoleHolderSchema = new Schema<CourseRoleHolder>(
  {
    userId: { type: String, required: true },
    role: { type: String, required: true, enum: GRANTABLE_COURSE_ROLES },
  },
  { _id: false },
);

export const CourseSchema = new Schema<CourseDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    title: { type: String, required: true, maxlength: MAX_COURSE_TITLE_LENGTH },
    description: { type: String, default: null, maxlength: MAX_COURSE_DESCRIPTION_LENGTH },
    kind: { type: String, required: true, enum: COURSE_KINDS },
    state: { type: String, required: true, enum: COURSE_STATES },
    enrollmentPolicy: { type: String, required: true, enum: ENROLLMENT_POLICIES, default: 'free' },
    overbookingAllowed: { type: Boolean, required: true, default: false },
    groupIds: { type: [String], default: [] },
    material: { type: [MaterialItemSchema], default: [] },
    authorId: { type: String, default: null },
    roles: { type: [CourseRoleHolderSchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'courses', versionKey: false },
);

// Compare-and-set of an edit, a state change and a deletion: exactly these fields, so that the
// local stand-in serves the filter from an index too (MongoDB uses `_id`). Reads by id use
// `_id` alone and check the tenant in code.
CourseSchema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true, name: 'course_version' });
// The lists behind the HTTP API, in creation order (ids sort by creation): every course of the
// tenant (`GET /v1/courses`, by state or kind), an author's own, and the catalog's published
// courses (`GET /v1/catalog`, by group). Non-unique: real MongoDB only; the stand-in scans.
// The courses where a deleted account held a role (LE-C2) are found by `authorId` and by
// `roles.userId`, a multikey index (read once per deleted account).
CourseSchema.index({ tenantId: 1, _id: 1 });
CourseSchema.index({ tenantId: 1, state: 1, _id: 1 });
CourseSchema.index({ tenantId: 1, authorId: 1, _id: 1 });
CourseSchema.index({ tenantId: 1, state: 1, groupIds: 1, _id: 1 });
CourseSchema.index({ tenantId: 1, 'roles.userId': 1, _id: 1 });
