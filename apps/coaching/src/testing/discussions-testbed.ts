import { newId } from '@lms/kernel';
import { FixedClock } from '@lms/testing';
import type { Assignment } from '../assignments/domain/assignment';
import { newIndividualAssignment } from '../assignments/domain/assignment-lifecycle';
import { ListMessagesUseCase } from '../discussions/use-cases/list-messages.use-case';
import { PostMessageUseCase } from '../discussions/use-cases/post-message.use-case';
import { TENANT } from './coaching-testbed';
import { InMemoryAssignmentRepository } from './in-memory-assignment.repository';
import { InMemoryMessageRepository } from './in-memory-message.repository';

/** The discussions' use cases (CO-W1), over in-memory assignments and messages and a fixed clock. */
export function buildDiscussionsTestbed(options: { now?: string } = {}) {
  const clock = new FixedClock(options.now ?? '2025-03-10T09:00:00.000Z');
  const assignments = new InMemoryAssignmentRepository();
  const messages = new InMemoryMessageRepository();

  return {
    clock,
    assignments,
    messages,
    postMessage: new PostMessageUseCase(assignments, messages, clock),
    listMessages: new ListMessagesUseCase(assignments, messages),

    /** An individual assignment of the tenant, current and active with one coach unless told otherwise. */
    async givenAssignment(overrides: Partial<Assignment> = {}): Promise<Assignment> {
      const now = new Date('2025-03-01T10:00:00.000Z');
      const assignment: Assignment = {
        ...newIndividualAssignment(
          {
            tenantId: TENANT,
            menteeId: newId(),
            coachIds: [newId()],
            groupId: null,
            dates: { startDate: '2025-03-01', endDate: null },
          },
          { id: newId(now), now, today: '2025-03-01' },
        ),
        ...overrides,
      };
      await assignments.insert({ assignment, outbox: [] });
      return assignment;
    },
  };
}

export type DiscussionsTestbed = ReturnType<typeof buildDiscussionsTestbed>;
