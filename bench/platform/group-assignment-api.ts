import type { ApiClient } from '@lms/testing';
import { pollUntil, type Measurement } from './poll-until';

export const GROUP_ASSIGNMENTS_PATH = '/api/v1/coaching/group-assignments';

interface GroupAssignmentView {
  id: string;
  fanOut: { status: string; processed: number };
}

/** `POST /api/v1/coaching/group-assignments` through the gateway: the group's learners, one coach. */
export async function createGroupAssignment(
  api: ApiClient,
  groupId: string,
  coachId: string,
): Promise<string> {
  const created = await api.create<GroupAssignmentView>(GROUP_ASSIGNMENTS_PATH, {
    groupId,
    roles: ['learner'],
    coachIds: [coachId],
  });
  return created.id;
}

/** Until the API reports the group assignment's fan-out `done`, or the deadline. */
export function waitForFanOutDone(
  api: ApiClient,
  groupAssignmentId: string,
  options: { startedAt: number; deadline: number; intervalMs: number },
): Promise<Measurement> {
  return pollUntil(
    async () => {
      const view = await api.get<GroupAssignmentView>(`${GROUP_ASSIGNMENTS_PATH}/${groupAssignmentId}`);
      return view.fanOut.status === 'done' ? 1 : 0;
    },
    1,
    options,
  );
}
