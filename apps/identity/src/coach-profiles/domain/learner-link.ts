import type { CoachProfile } from './coach-profile';

/** How long a claim of a learner account's link may stand without a profile naming it: its profile's write is under way. */
export const LINK_CLAIM_GRACE_MS = 60_000;

/**
 * ID-C1: whether a claim on a learner account held by another coach is stale, so that it may
 * be taken over: the holder's live profile names another learner account (it moved on, or a
 * crash came between its write and the release), or the holder has no live profile and the
 * claim is older than {@link LINK_CLAIM_GRACE_MS} (a profile's first write that never came).
 */
export function isStaleLinkClaim(
  claim: { learnerUserId: string; claimedAt: Date },
  holder: Pick<CoachProfile, 'learnerUserId'> | null,
  now: Date,
): boolean {
  if (holder) return holder.learnerUserId !== claim.learnerUserId;
  return now.getTime() - claim.claimedAt.getTime() >= LINK_CLAIM_GRACE_MS;
}
