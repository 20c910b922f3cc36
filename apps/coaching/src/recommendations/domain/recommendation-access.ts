import { administersTenant } from '@lms/contracts';
import { coachesNow, type CoachingTie } from '../../assignments/domain/assignment';
import type { Recommendation, RecommendationFilter } from './recommendation';

/** Who asks: its tenant, account (null: a caller without one), administrative roles and level. */
export interface RecommendationActor {
  tenantId: string;
  userId: string | null;
  roles: readonly string[];
  level: string;
}

/**
 * CO-W4 and CO-W5: a coach recommends courses to a mentee it coaches now, through one of its
 * current, active assignments of that mentee; a scheduled, expired, ended or deactivated one
 * grants nothing, and nobody else recommends, administrators included.
 */
export function mayRecommend(
  assignments: readonly CoachingTie[],
  coachId: string | null,
  menteeId: string,
): boolean {
  return coachId !== null && coachesNow(assignments, coachId, menteeId);
}

/** A recommendation is removed by the coach who made it, and nobody else. */
export function mayRemove(recommendation: Pick<Recommendation, 'coachId'>, userId: string | null): boolean {
  return userId !== null && recommendation.coachId === userId;
}

/**
 * What `actor` sees of the tenant's recommendations, narrowed to `menteeId` when given: an
 * administrator sees them all; a mentee those made to it, by any coach; a coach those it made
 * (whatever its assignments now: they are its own). Null: nothing at all (a caller without an
 * account).
 */
export function visibleRecommendations(
  actor: RecommendationActor,
  menteeId: string | undefined,
): RecommendationFilter | null {
  const only = menteeId === undefined ? {} : { menteeId };
  if (administersTenant(actor)) return only;
  if (actor.userId === null) return null;
  if (menteeId === actor.userId) return only;
  return { ...only, coachId: actor.userId };
}
