/** Which coach holds a learner account's link (ID-C1), as the store keeps it. */
export interface CoachLearnerLink {
  tenantId: string;
  learnerUserId: string;
  /** The coach (its manager account) that claimed the link. */
  coachId: string;
  claimedAt: Date;
}

/**
 * ID-C1: a learner account is linked to one coach at most. Each link is claimed before the
 * profile naming it is written and released after the profile stops naming it, so a claim may
 * outlive its profile (a crash in between): the use case tells a stale claim from a live one
 * by the holder's profile. Every method takes the tenant id.
 */
export interface CoachLearnerLinkRepository {
  /** Claims the link for `coachId`: null when it is now this coach's (or was), else the claim another holds. */
  claim(link: CoachLearnerLink): Promise<CoachLearnerLink | null>;
  /** Hands a stale claim from `from` to `link.coachId`; false when `from` no longer holds it. */
  takeOver(link: CoachLearnerLink, from: string): Promise<boolean>;
  /** Releases the link if `coachId` holds it; nothing otherwise. */
  release(tenantId: string, learnerUserId: string, coachId: string): Promise<void>;
}

export const COACH_LEARNER_LINK_REPOSITORY = Symbol('COACH_LEARNER_LINK_REPOSITORY');
