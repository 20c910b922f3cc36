import type { CourseRoleHolder } from './course-roles';
import { COURSE_KINDS, COURSE_STATES, type CourseKind, type CourseState } from '@lms/contracts';

/** E-learning, or instructor-led with sessions (LE-C1); states draft, published, archived. */
export { COURSE_KINDS, COURSE_STATES, type CourseKind, type CourseState };

/** How a learner gets in (LE-E2): at once, or once an administrator approves. */
export const ENROLLMENT_POLICIES = ['free', 'approval'] as const;
export type EnrollmentPolicy = (typeof ENROLLMENT_POLICIES)[number];

/** What one item of a course's learning material is. */
export const MATERIAL_KINDS = ['video', 'document', 'link', 'scorm', 'audio', 'slides'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** The longest texts, in characters once trimmed (the title as the course events allow it). */
export const MAX_COURSE_TITLE_LENGTH = 200;
export const MAX_COURSE_DESCRIPTION_LENGTH = 4000;
export const MAX_MATERIAL_TITLE_LENGTH = 200;
export const MAX_MATERIAL_URL_LENGTH = 2000;
/** Bounds on a course's lists, so that a course stays one small document. */
export const MAX_COURSE_GROUPS = 100;
export const MAX_MATERIAL_ITEMS = 100;

/** One item of learning material, in the order the learner meets it. */
export interface MaterialItem {
  title: string;
  kind: MaterialKind;
  /** Where it is served from: http or https. */
  url: string;
}

/** What an author writes of a course; the kind is chosen once, at creation. */
export interface CourseDetails {
  title: string;
  /** Null: none. */
  description: string | null;
  enrollmentPolicy: EnrollmentPolicy;
  /** E-learning only (LE-E2): a learner past the capacity is enrolled in `overbooking`. */
  overbookingAllowed: boolean;
  /**
   * The groups whose members see the course in the catalog (per-group libraries); empty:
   * every user of the tenant.
   */
  groupIds: string[];
  material: MaterialItem[];
}

/** A course (LE-C1): created as a draft by its author, then published, then archived. */
export interface Course extends CourseDetails {
  id: string;
  tenantId: string;
  kind: CourseKind;
  state: CourseState;
  /**
   * Its author (LE-C2): who created it, or to whom the authorship was handed on; null for a
   * caller without an account.
   */
  authorId: string | null;
  /** The other course roles held, one entry per user and role (LE-C2; see course-roles.ts). */
  roles: CourseRoleHolder[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** Why details cannot be kept: `overbooking_on_ilt` has a code of its own. */
export type DetailsProblem = { kind: 'overbooking_on_ilt' } | { kind: 'invalid'; reason: string };

export type DetailsCheck = { ok: true; details: CourseDetails } | { ok: false; problem: DetailsProblem };

/** A text trimmed, or null when nothing is left or it is longer than `max`. */
function trimmedText(raw: string, max: number): string | null {
  const text = raw.trim();
  return text.length === 0 || text.length > max ? null : text;
}

const invalid = (reason: string): DetailsCheck => ({ ok: false, problem: { kind: 'invalid', reason } });

function checkMaterial(material: readonly MaterialItem[]): MaterialItem[] | string {
  if (material.length > MAX_MATERIAL_ITEMS) return `material holds at most ${MAX_MATERIAL_ITEMS} items`;
  const kept: MaterialItem[] = [];
  for (const item of material) {
    const title = trimmedText(item.title, MAX_MATERIAL_TITLE_LENGTH);
    if (title === null)
      return `a material item's title holds 1 to ${MAX_MATERIAL_TITLE_LENGTH} characters once trimmed`;
    if (!/^https?:\/\/\S+$/.test(item.url) || item.url.length > MAX_MATERIAL_URL_LENGTH)
      return `a material item's url is an http or https address of at most ${MAX_MATERIAL_URL_LENGTH} characters`;
    kept.push({ title, kind: item.kind, url: item.url });
  }
  return kept;
}

/**
 * The details of a course of `kind` as they are kept (texts trimmed, groups once each), or why
 * they cannot be: overbooking is for e-learning only (LE-E2); the lists are bounded.
 */
export function checkDetails(kind: CourseKind, details: CourseDetails): DetailsCheck {
  const title = trimmedText(details.title, MAX_COURSE_TITLE_LENGTH);
  if (title === null) return invalid(`title holds 1 to ${MAX_COURSE_TITLE_LENGTH} characters once trimmed`);
  const description =
    details.description === null ? null : trimmedText(details.description, MAX_COURSE_DESCRIPTION_LENGTH);
  if (details.description !== null && description === null)
    return invalid(
      `description holds 1 to ${MAX_COURSE_DESCRIPTION_LENGTH} characters once trimmed, or is null`,
    );
  if (details.overbookingAllowed && kind !== 'elearning')
    return { ok: false, problem: { kind: 'overbooking_on_ilt' } };
  const groupIds = [...new Set(details.groupIds)];
  if (groupIds.length > MAX_COURSE_GROUPS)
    return invalid(`groupIds holds at most ${MAX_COURSE_GROUPS} groups`);
  const material = checkMaterial(details.material);
  if (typeof material === 'string') return invalid(material);
  return {
    ok: true,
    details: {
      title,
      description,
      enrollmentPolicy: details.enrollmentPolicy,
      overbookingAllowed: details.overbookingAllowed,
      groupIds,
      material,
    },
  };
}

/** What a new course is made of: checked details, its kind, and who creates it. */
export interface NewCourse {
  tenantId: string;
  kind: CourseKind;
  authorId: string | null;
  details: CourseDetails;
}

/** A new course: a draft at version 1, created and updated `now`. */
export function newCourse(input: NewCourse, at: { id: string; now: Date }): Course {
  return {
    id: at.id,
    tenantId: input.tenantId,
    kind: input.kind,
    state: 'draft',
    authorId: input.authorId,
    roles: [],
    ...input.details,
    createdAt: at.now,
    updatedAt: at.now,
    version: 1,
  };
}

/** The details of `course` with the fields of `patch` replacing its own (absent ones kept). */
export function patchedDetails(course: Course, patch: Partial<CourseDetails>): CourseDetails {
  const pick = <K extends keyof CourseDetails>(key: K): CourseDetails[K] =>
    patch[key] === undefined ? course[key] : (patch[key] as CourseDetails[K]);
  return {
    title: pick('title'),
    description: pick('description'),
    enrollmentPolicy: pick('enrollmentPolicy'),
    overbookingAllowed: pick('overbookingAllowed'),
    groupIds: pick('groupIds'),
    material: pick('material'),
  };
}

/** Whether two sets of details say the same (groups in any order, material in its order). */
export function sameDetails(a: CourseDetails, b: CourseDetails): boolean {
  const groups = (ids: readonly string[]) => [...ids].sort().join(',');
  return (
    a.title === b.title &&
    a.description === b.description &&
    a.enrollmentPolicy === b.enrollmentPolicy &&
    a.overbookingAllowed === b.overbookingAllowed &&
    groups(a.groupIds) === groups(b.groupIds) &&
    a.material.length === b.material.length &&
    a.material.every((item, at) => {
      const other = b.material[at];
      return (
        other !== undefined &&
        item.title === other.title &&
        item.kind === other.kind &&
        item.url === other.url
      );
    })
  );
}

/** The course with new details, at its next version, updated `now`. */
export function editCourse(course: Course, details: CourseDetails, now: Date): Course {
  return { ...course, ...details, updatedAt: now, version: course.version + 1 };
}
