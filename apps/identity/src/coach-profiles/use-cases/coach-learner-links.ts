import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, ConcurrentModificationError, type Clock } from '@lms/kernel';
import { CoachLearnerAccountTakenError } from '../coach-profiles.errors';
import { isStaleLinkClaim } from '../domain/learner-link';
import {
  COACH_LEARNER_LINK_REPOSITORY,
  type CoachLearnerLinkRepository,
} from '../ports/coach-learner-link.repository';
import { COACH_PROFILE_REPOSITORY, type CoachProfileRepository } from '../ports/coach-profile.repository';

/** Tries at a claim another coach keeps changing before giving up. */
const CLAIM_TRIES = 3;

/**
 * ID-C1: keeps a learner account linked to one coach at most. A coach claims the account
 * before its profile names it (409 `COACH_PROFILE.LEARNER_ACCOUNT_TAKEN` while another coach's
 * profile names it, or its first write is under way) and releases it after its profile stops
 * naming it; a claim left behind by a crash is taken over (see isStaleLinkClaim).
 */
@Injectable()
export class CoachLearnerLinks {
  constructor(
    @Inject(COACH_LEARNER_LINK_REPOSITORY) private readonly links: CoachLearnerLinkRepository,
    @Inject(COACH_PROFILE_REPOSITORY) private readonly profiles: CoachProfileRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async claim(tenantId: string, learnerUserId: string, coachId: string): Promise<void> {
    for (let attempt = 0; attempt < CLAIM_TRIES; attempt++) {
      const claim = { tenantId, learnerUserId, coachId, claimedAt: this.clock.now() };
      const held = await this.links.claim(claim);
      if (held === null) return;
      const holder = await this.profiles.findById(tenantId, held.coachId);
      if (!isStaleLinkClaim(held, holder, claim.claimedAt))
        throw new CoachLearnerAccountTakenError(learnerUserId, held.coachId);
      if (await this.links.takeOver(claim, held.coachId)) return;
    }
    throw new ConcurrentModificationError();
  }

  release(tenantId: string, learnerUserId: string, coachId: string): Promise<void> {
    return this.links.release(tenantId, learnerUserId, coachId);
  }
}
