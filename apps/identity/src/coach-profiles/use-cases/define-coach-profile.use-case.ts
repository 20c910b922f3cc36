import { Inject, Injectable } from '@nestjs/common';
import { JobRunner, type JobQueue } from '@lms/jobs';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import type { UserActor } from '../../users/domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { coachPopulationJob } from '../coach-population-job';
import { coachProfileDefinedEvent } from '../coach-profile-events';
import {
  CoachAccountInactiveError,
  CoachAccountNotFoundError,
  coachProfileProblemError,
} from '../coach-profiles.errors';
import {
  coachProfileProblem,
  defineCoachProfile,
  isLinkableAccountState,
  type CoachFilter,
  type CoachProfile,
} from '../domain/coach-profile';
import { COACH_PROFILE_REPOSITORY, type CoachProfileRepository } from '../ports/coach-profile.repository';
import { authorizeCoachProfiles } from './coach-profile-access';
import { CoachLearnerLinks } from './coach-learner-links';

export interface DefineCoachProfileCommand {
  actor: UserActor;
  managerUserId: string;
  learnerUserId: string;
  roleLearnerManager: string;
  roleCoach: string;
  filters: readonly CoachFilter[];
}

export interface DefinedCoachProfile {
  profile: CoachProfile;
  created: boolean;
}

/**
 * ID-C1: links a coach's manager account and its learner account (two distinct active users of
 * the tenant; the learner account linked to no other coach, {@link CoachLearnerLinks}) with its
 * role names and filters, creating or replacing its profile by
 * compare-and-set, with `coach-profile.created` or `.updated` in the same write. When what
 * decides the population changed (filters, learner account), its recomputation is enqueued
 * as a job (ID-C3); the population follows the users' changes from then on.
 */
@Injectable()
export class DefineCoachProfileUseCase {
  constructor(
    @Inject(COACH_PROFILE_REPOSITORY) private readonly profiles: CoachProfileRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(JobRunner) private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly learnerLinks: CoachLearnerLinks,
  ) {}

  async execute(command: DefineCoachProfileCommand): Promise<DefinedCoachProfile> {
    const { actor } = command;
    authorizeCoachProfiles(actor);
    const definition = {
      tenantId: actor.tenantId,
      managerUserId: command.managerUserId,
      learnerUserId: command.learnerUserId,
      roleLearnerManager: command.roleLearnerManager,
      roleCoach: command.roleCoach,
      filters: command.filters,
    };
    const problem = coachProfileProblem(definition);
    if (problem) throw coachProfileProblemError(problem);
    await this.assertLinkable(actor.tenantId, 'manager', command.managerUserId);
    await this.assertLinkable(actor.tenantId, 'learner', command.learnerUserId);

    const result = await withOptimisticRetry<{
      defined: DefinedCoachProfile;
      recompute: boolean;
      released: string | null;
    }>(async () => {
      const now = this.clock.now();
      const stored = await this.profiles.findStored(actor.tenantId, command.managerUserId);
      const decision = defineCoachProfile(stored, definition, now);
      if (decision.outcome === 'refused') throw coachProfileProblemError(decision.problem);
      if (decision.outcome === 'unchanged')
        return {
          outcome: 'written',
          value: {
            defined: { profile: decision.profile, created: false },
            recompute: false,
            released: null,
          },
        };
      const { profile } = decision;
      const linked = stored && !stored.deletedAt ? stored.learnerUserId : null;
      // ID-C1: one coach per learner account, claimed before the profile names it.
      if (linked !== profile.learnerUserId)
        await this.learnerLinks.claim(actor.tenantId, profile.learnerUserId, profile.id);
      const event = coachProfileDefinedEvent(
        this.events,
        profile,
        decision.outcome === 'created' ? 'coach-profile.created' : 'coach-profile.updated',
      );
      const outcome = stored
        ? await this.profiles.update(profile, stored, [event])
        : await this.profiles.insert(profile, [event]);
      return outcome === 'written'
        ? {
            outcome,
            value: {
              defined: { profile, created: decision.outcome === 'created' },
              recompute: decision.populationChanged,
              released: linked !== profile.learnerUserId ? linked : null,
            },
          }
        : { outcome };
    });
    const { profile } = result.defined;
    // The learner account the profile named before, released once the profile names another.
    if (result.released !== null)
      await this.learnerLinks.release(actor.tenantId, result.released, profile.id);
    if (result.recompute) await this.jobs.enqueue(coachPopulationJob(profile));
    return result.defined;
  }

  private async assertLinkable(
    tenantId: string,
    account: 'manager' | 'learner',
    userId: string,
  ): Promise<void> {
    const user = await this.users.findById(tenantId, userId);
    if (!user) throw new CoachAccountNotFoundError(account, userId);
    if (!isLinkableAccountState(user.state)) throw new CoachAccountInactiveError(account, userId, user.state);
  }
}
