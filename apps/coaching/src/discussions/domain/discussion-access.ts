import type { Assignment } from '../../assignments/domain/assignment';

/** The refusals, by their error code. */
export type DiscussionRefusal = 'DISCUSSION.FORBIDDEN' | 'DISCUSSION.CLOSED';

export type DiscussionDecision = { allowed: true } | { allowed: false; code: DiscussionRefusal };

/** What the decisions need of the assignment. */
export type DiscussionAssignment = Pick<Assignment, 'menteeId' | 'coachIds' | 'status' | 'active'>;

const ALLOWED: DiscussionDecision = { allowed: true };

/**
 * The mentee and the coaches of the assignment, and nobody else: not an administrator, not a
 * coach of the mentee under another assignment. A caller without an account (`null`) takes
 * part in no discussion.
 */
export function takesPart(assignment: DiscussionAssignment, userId: string | null): boolean {
  return userId !== null && (assignment.menteeId === userId || assignment.coachIds.includes(userId));
}

/** CO-W1: whoever takes part reads the discussion in any state; an ended one is history. */
export function decideReading(assignment: DiscussionAssignment, userId: string | null): DiscussionDecision {
  return takesPart(assignment, userId) ? ALLOWED : { allowed: false, code: 'DISCUSSION.FORBIDDEN' };
}

/**
 * CO-W1: whoever takes part writes while the assignment is in force or about to be: current or
 * scheduled, and active. A stranger is refused as such whatever the state, so that a refusal
 * never tells an outsider how the assignment stands.
 */
export function decideWriting(assignment: DiscussionAssignment, userId: string | null): DiscussionDecision {
  if (!takesPart(assignment, userId)) return { allowed: false, code: 'DISCUSSION.FORBIDDEN' };
  const open = (assignment.status === 'current' || assignment.status === 'scheduled') && assignment.active;
  return open ? ALLOWED : { allowed: false, code: 'DISCUSSION.CLOSED' };
}
