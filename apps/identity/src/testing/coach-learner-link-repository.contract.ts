import { randomUUID } from 'node:crypto';
import type { CoachLearnerLinkRepository } from '../coach-profiles/ports/coach-learner-link.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

/**
 * What every {@link CoachLearnerLinkRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration).
 */
export function describeCoachLearnerLinkRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<CoachLearnerLinkRepository>,
): void {
  describe(`${name} (coach learner link repository contract)`, () => {
    const subject = freshForEachTest(make);
    const at = new Date('2026-03-02T09:00:00.000Z');
    const link = (learnerUserId: string, coachId: string, tenantId = subject.tenantId) => ({
      tenantId,
      learnerUserId,
      coachId,
      claimedAt: at,
    });

    it('given a learner account claimed by a coach, then the same coach claims it again, another is told who holds it, another tenant is free', async () => {
      const [ada, mia, leo] = [randomUUID(), randomUUID(), randomUUID()];

      expect(await subject.repository.claim(link(ada, mia))).toBeNull();
      expect(await subject.repository.claim(link(ada, mia))).toBeNull();
      expect(await subject.repository.claim(link(ada, leo))).toEqual(link(ada, mia));
      expect(await subject.repository.claim(link(ada, leo, contractTenant()))).toBeNull();
    });

    it('hands a claim over only from its holder, and releases it only for its holder', async () => {
      const [ada, mia, leo, zoe] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await subject.repository.claim(link(ada, mia));

      expect(await subject.repository.takeOver(link(ada, leo), zoe)).toBe(false);
      expect(await subject.repository.takeOver(link(ada, leo), mia)).toBe(true);
      expect(await subject.repository.claim(link(ada, mia))).toEqual(link(ada, leo));

      await subject.repository.release(subject.tenantId, ada, mia);
      expect(await subject.repository.claim(link(ada, zoe))).toEqual(link(ada, leo));
      await subject.repository.release(subject.tenantId, ada, leo);
      expect(await subject.repository.claim(link(ada, zoe))).toBeNull();
    });
  });
}
