import type {
  CoachLearnerLink,
  CoachLearnerLinkRepository,
} from '../coach-profiles/ports/coach-learner-link.repository';

/** Learner-account links in memory, with the guarantees of the Mongo repository. */
export class InMemoryCoachLearnerLinkRepository implements CoachLearnerLinkRepository {
  private readonly rows = new Map<string, CoachLearnerLink>();

  async claim(link: CoachLearnerLink): Promise<CoachLearnerLink | null> {
    const key = `${link.tenantId}:${link.learnerUserId}`;
    const held = this.rows.get(key);
    if (!held) {
      this.rows.set(key, { ...link });
      return null;
    }
    return held.coachId === link.coachId ? null : { ...held };
  }

  async takeOver(link: CoachLearnerLink, from: string): Promise<boolean> {
    const key = `${link.tenantId}:${link.learnerUserId}`;
    if (this.rows.get(key)?.coachId !== from) return false;
    this.rows.set(key, { ...link });
    return true;
  }

  async release(tenantId: string, learnerUserId: string, coachId: string): Promise<void> {
    const key = `${tenantId}:${learnerUserId}`;
    if (this.rows.get(key)?.coachId === coachId) this.rows.delete(key);
  }
}
