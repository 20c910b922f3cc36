import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import type { UserActor } from '../../users/domain/user-permissions';
import { coachProfileDeletedEvent } from '../coach-profile-events';
import { CoachProfileNotFoundError } from '../coach-profiles.errors';
import { deleteCoachProfile, type CoachProfile } from '../domain/coach-profile';
import {
  COACH_POPULATION_REPOSITORY,
  type CoachPopulationRepository,
} from '../ports/coach-population.repository';
import { COACH_PROFILE_REPOSITORY, type CoachProfileRepository } from '../ports/coach-profile.repository';
import { authorizeCoachProfiles } from './coach-profile-access';
import { CoachLearnerLinks } from './coach-learner-links';

/**
 * ID-C1: unlinks a coach: its profile becomes a tombstone with `coach-profile.deleted` in the
 * same write, which tells its consumers that the whole population is gone; the members are
 * then dropped without an event each, and its learner account's link released.
 */
@Injectable()
export class DeleteCoachProfileUseCase {
  constructor(
    @Inject(COACH_PROFILE_REPOSITORY) private readonly profiles: CoachProfileRepository,
    @Inject(COACH_POPULATION_REPOSITORY) private readonly population: CoachPopulationRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly learnerLinks: CoachLearnerLinks,
  ) {}

  async execute(command: { actor: UserActor; coachId: string }): Promise<void> {
    const { actor, coachId } = command;
    authorizeCoachProfiles(actor);
    const deleted = await withOptimisticRetry<CoachProfile>(async () => {
      const profile = await this.profiles.findById(actor.tenantId, coachId);
      if (!profile) throw new CoachProfileNotFoundError(coachId);
      const deleted = deleteCoachProfile(profile, this.clock.now());
      const outcome = await this.profiles.update(deleted, profile, [
        coachProfileDeletedEvent(this.events, deleted),
      ]);
      return outcome === 'written' ? { outcome, value: deleted } : { outcome };
    });
    await this.population.deleteCoach(actor.tenantId, coachId);
    // Its learner account may be linked to another coach from now on (ID-C1).
    await this.learnerLinks.release(actor.tenantId, deleted.learnerUserId, coachId);
  }
}
