import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { User } from '../../users/domain/user';
import type { UserActor } from '../../users/domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { CoachProfileNotFoundError } from '../coach-profiles.errors';
import type { CoachFilter, CoachProfile } from '../domain/coach-profile';
import {
  COACH_POPULATION_REPOSITORY,
  type CoachPopulationRepository,
} from '../ports/coach-population.repository';
import { COACH_PROFILE_REPOSITORY, type CoachProfileRepository } from '../ports/coach-profile.repository';
import { authorizeCoachProfiles } from './coach-profile-access';
import { unmatchedFilters } from './unmatched-filters';

/** ID-C1: a coach profile of the actor's tenant, by its manager account. */
@Injectable()
export class GetCoachProfileUseCase {
  constructor(@Inject(COACH_PROFILE_REPOSITORY) private readonly profiles: CoachProfileRepository) {}

  async execute(query: { actor: UserActor; coachId: string }): Promise<CoachProfile> {
    authorizeCoachProfiles(query.actor);
    const profile = await this.profiles.findById(query.actor.tenantId, query.coachId);
    if (!profile) throw new CoachProfileNotFoundError(query.coachId);
    return profile;
  }
}

/** ID-C1: the coach profiles of the actor's tenant, in id order. */
@Injectable()
export class ListCoachProfilesUseCase {
  constructor(@Inject(COACH_PROFILE_REPOSITORY) private readonly profiles: CoachProfileRepository) {}

  async execute(query: { actor: UserActor; page: PageRequest }): Promise<Page<CoachProfile>> {
    authorizeCoachProfiles(query.actor);
    return this.profiles.list(query.actor.tenantId, query.page);
  }
}

/** A page of a coach's population, with what tells how current and how sound it is. */
export interface CoachPopulationPage extends Page<User> {
  /** When the whole population was last recomputed; null while a recomputation runs. */
  recomputedAt: Date | null;
  /** The filters whose value no user of the tenant holds (`United-Kingdom` written for `UK`). */
  unmatchedFilters: CoachFilter[];
}

/**
 * ID-C3: a page of the users of a coach's population, in user id order, with the filters that
 * match no user of the tenant ({@link unmatchedFilters}: at most 20 searches per request).
 */
@Injectable()
export class GetCoachPopulationUseCase {
  constructor(
    @Inject(COACH_PROFILE_REPOSITORY) private readonly profiles: CoachProfileRepository,
    @Inject(COACH_POPULATION_REPOSITORY) private readonly population: CoachPopulationRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  async execute(query: {
    actor: UserActor;
    coachId: string;
    page: PageRequest;
  }): Promise<CoachPopulationPage> {
    const { actor } = query;
    const profile = await this.profiles.findById(actor.tenantId, query.coachId);
    // CO-W5: a coach reads its own population (through either of its accounts); others manage every user.
    const own =
      profile !== null && actor.userId !== null && [profile.id, profile.learnerUserId].includes(actor.userId);
    if (!own) authorizeCoachProfiles(actor);
    if (!profile) throw new CoachProfileNotFoundError(query.coachId);
    const members = await this.population.listMembers(actor.tenantId, profile.id, query.page);
    const users = await this.users.findByIds(
      actor.tenantId,
      members.items.map((member) => member.userId),
    );
    return {
      items: users,
      limit: members.limit,
      nextCursor: members.nextCursor,
      recomputedAt: profile.populationRecomputedAt,
      unmatchedFilters: await unmatchedFilters(this.users, actor.tenantId, profile.filters),
    };
  }
}
