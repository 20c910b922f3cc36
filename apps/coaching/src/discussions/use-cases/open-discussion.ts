import { AssignmentNotFoundError } from '../../assignments/assignment.errors';
import type { Assignment } from '../../assignments/domain/assignment';
import type { AssignmentRepository } from '../../assignments/ports/assignment.repository';
import { discussionRefused } from '../discussions.errors';
import type { DiscussionAssignment, DiscussionDecision } from '../domain/discussion-access';

/**
 * The assignment whose discussion `userId` reads or writes, once `decide` allows it: an
 * assignment unknown to the tenant or deleted is not found (404) before anyone's rights are
 * weighed; a refusal is 403 or 409.
 */
export async function openDiscussion(
  assignments: AssignmentRepository,
  query: { tenantId: string; assignmentId: string; userId: string | null },
  decide: (assignment: DiscussionAssignment, userId: string | null) => DiscussionDecision,
): Promise<Assignment> {
  const assignment = await assignments.findById(query.tenantId, query.assignmentId);
  if (!assignment) throw new AssignmentNotFoundError(query.assignmentId);
  const decision = decide(assignment, query.userId);
  if (!decision.allowed) throw discussionRefused(decision.code, assignment.id);
  return assignment;
}
