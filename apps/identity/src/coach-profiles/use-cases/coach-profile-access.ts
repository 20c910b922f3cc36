import { managesEveryUser, type UserActor } from '../../users/domain/user-permissions';
import { CoachProfileForbiddenError } from '../coach-profiles.errors';

/** Throws `COACH_PROFILE.FORBIDDEN` (403) unless the actor manages every user of its tenant (ID-C1). */
export function authorizeCoachProfiles(actor: UserActor): void {
  if (!managesEveryUser(actor)) throw new CoachProfileForbiddenError();
}
