import { type Enrollment, type EnrollmentState } from './enrollment';
import { accessOf } from './enrollment-states';

/** Why a learner cannot open its course or its material: each has a code of its own. */
export type NoAccess = 'waiting' | 'suspended' | 'overbooking';

/** What a learner's step changes: the enrollment (unchanged when nothing moved), and whether it was its first access. */
export type ProgressOutcome =
  | {
      ok: true;
      enrollment: Enrollment;
      changed: boolean;
      firstAccess: boolean;
      previousState: EnrollmentState;
    }
  | { ok: false; refusal: NoAccess };

function refusalOf(enrollment: Enrollment): NoAccess | null {
  if (accessOf(enrollment.courseKind, enrollment.state).open) return null;
  return enrollment.state === 'suspended' || enrollment.state === 'overbooking'
    ? enrollment.state
    : 'waiting';
}

/**
 * The enrollment once the learner opened the course `now`: its first access recorded, `enrolled`
 * now `in_progress`. Its first opening is a first access (LE-E4) even when an attended session
 * was recorded as an access before: the learner itself had not used the course yet.
 */
function opened(enrollment: Enrollment, now: Date): { enrollment: Enrollment; firstAccess: boolean } {
  const firstAccess = enrollment.firstAccessedAt === null || enrollment.firstAccessByAttendance;
  const state = enrollment.state === 'enrolled' ? 'in_progress' : enrollment.state;
  if (!firstAccess && state === enrollment.state) return { enrollment, firstAccess };
  return {
    enrollment: {
      ...enrollment,
      state,
      firstAccessedAt: enrollment.firstAccessedAt ?? now,
      firstAccessByAttendance: false,
      updatedAt: now,
      version: enrollment.version + 1,
    },
    firstAccess,
  };
}

/**
 * LE-E1: the learner opens its course. Seed 004: `enrolled` becomes `in_progress`; in
 * progress, completed and to be confirmed (it sees the material) stay as they are; waiting,
 * suspended and overbooking learners have no access. The first opening is recorded (LE-E4).
 */
export function openCourse(enrollment: Enrollment, now: Date): ProgressOutcome {
  const refusal = refusalOf(enrollment);
  if (refusal) return { ok: false, refusal };
  const next = opened(enrollment, now);
  return {
    ok: true,
    enrollment: next.enrollment,
    changed: next.enrollment !== enrollment,
    firstAccess: next.firstAccess,
    previousState: enrollment.state,
  };
}

/**
 * LE-E1: the learner completes the material item `index` of a course of `materialCount`
 * items (opening the course if it was not yet). Seed 004: an e-learning course is completed
 * when every item is; an instructor-led one by its sessions, so its state stays in progress.
 * A learner to be confirmed records its progress and keeps its state.
 */
export function completeMaterial(
  enrollment: Enrollment,
  index: number,
  materialCount: number,
  now: Date,
): ProgressOutcome {
  const open = openCourse(enrollment, now);
  if (!open.ok) return open;
  const current = open.enrollment;
  if (current.completedMaterial.includes(index)) return open;
  const completedMaterial = [...current.completedMaterial, index].sort((a, b) => a - b);
  const allDone = completedMaterial.length >= materialCount;
  const state: EnrollmentState =
    allDone && current.courseKind === 'elearning' && current.state === 'in_progress'
      ? 'completed'
      : current.state;
  return {
    ok: true,
    enrollment: {
      ...current,
      state,
      completedMaterial,
      updatedAt: now,
      version: enrollment.version + 1,
    },
    changed: true,
    firstAccess: open.firstAccess,
    previousState: enrollment.state,
  };
}
