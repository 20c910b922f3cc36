import type { Page, PageRequest, MemorySortKey } from '@lms/kernel';
import { slicePage } from '@lms/kernel';
import { populationMemberId, type PopulationMember } from '../coach-profiles/domain/population-member';
import type {
  CoachPopulationRepository,
  PopulationMemberWrite,
} from '../coach-profiles/ports/coach-population.repository';
import { RecordingOutbox } from './recording-outbox';

const USER_ORDER: ReadonlyArray<MemorySortKey<PopulationMember>> = [
  ['userId', (member) => member.userId, 1],
  ['_id', (member) => member.id, 1],
];

/** Populations in memory, with the guarantees of the Mongo repository. */
export class InMemoryCoachPopulationRepository implements CoachPopulationRepository {
  private readonly members = new Map<string, PopulationMember>();
  private readonly coachesByUser = new Map<string, Set<string>>();

  constructor(private readonly outbox: RecordingOutbox = new RecordingOutbox()) {}

  async findMembers(
    tenantId: string,
    pairs: ReadonlyArray<{ coachId: string; userId: string }>,
  ): Promise<PopulationMember[]> {
    const ids = new Set(pairs.map((pair) => populationMemberId(tenantId, pair.coachId, pair.userId)));
    return [...ids]
      .map((id) => this.members.get(id))
      .filter((member): member is PopulationMember => !!member)
      .map((member) => structuredClone(member));
  }

  async writeMembers(writes: readonly PopulationMemberWrite[]): Promise<string[]> {
    const stale: string[] = [];
    for (const { member, expectedVersion, outbox } of writes) {
      const stored = this.members.get(member.id);
      const fits = expectedVersion === null ? !stored : stored?.version === expectedVersion;
      if (!fits) {
        stale.push(member.id);
        continue;
      }
      this.members.set(member.id, structuredClone(member));
      this.outbox.record(member.id, outbox);
    }
    return stale;
  }

  async listMembers(tenantId: string, coachId: string, page: PageRequest): Promise<Page<PopulationMember>> {
    const rows = [...this.members.values()].filter(
      (member) => member.tenantId === tenantId && member.coachId === coachId && member.status === 'member',
    );
    return structuredClone(slicePage(rows, page, USER_ORDER));
  }

  async deleteCoach(tenantId: string, coachId: string): Promise<void> {
    for (const [id, member] of this.members)
      if (member.tenantId === tenantId && member.coachId === coachId) this.members.delete(id);
  }

  async coachesOfUsers(tenantId: string, userIds: readonly string[]): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>();
    for (const userId of new Set(userIds)) {
      const coaches = this.coachesByUser.get(`${tenantId}:${userId}`);
      if (coaches && coaches.size > 0) byUser.set(userId, [...coaches]);
    }
    return byUser;
  }

  async rememberCoaches(
    tenantId: string,
    coachesByUser: ReadonlyMap<string, readonly string[]>,
  ): Promise<void> {
    for (const [userId, coachIds] of coachesByUser) {
      const key = `${tenantId}:${userId}`;
      this.coachesByUser.set(key, new Set([...(this.coachesByUser.get(key) ?? []), ...coachIds]));
    }
  }

  async forgetCoaches(
    tenantId: string,
    coachesByUser: ReadonlyMap<string, readonly string[]>,
  ): Promise<void> {
    for (const [userId, coachIds] of coachesByUser)
      for (const coachId of coachIds) this.coachesByUser.get(`${tenantId}:${userId}`)?.delete(coachId);
  }
}
