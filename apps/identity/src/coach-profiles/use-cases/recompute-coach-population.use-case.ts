import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { belongsToPopulation } from '../domain/population-matching';
import { COACH_PROFILE_REPOSITORY, type CoachProfileRepository } from '../ports/coach-profile.repository';
import { PopulationSync } from './population-sync';

/** Users read per chunk of a recomputation. */
export const POPULATION_CHUNK_SIZE = 200;

export interface RecomputeChunkCommand {
  tenantId: string;
  coachId: string;
  /** The state of what decides the population this recomputation is for. */
  populationVersion: number;
}

/**
 * ID-C3: one chunk of the recomputation of a coach's whole population, after its filters or
 * its learner account changed: a page of the tenant's users (in id order, from where the
 * profile says the last chunk ended), each one added or removed as it now matches, then the
 * profile's progress by compare-and-set. The last chunk stamps `populationRecomputedAt`. A
 * profile deleted or changed again since ends this recomputation (its successor does the work).
 * A chunk run twice changes nothing more: a member already decided is left alone.
 */
@Injectable()
export class RecomputeCoachPopulationUseCase {
  constructor(
    @Inject(COACH_PROFILE_REPOSITORY) private readonly profiles: CoachProfileRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly sync: PopulationSync,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async runChunk(command: RecomputeChunkCommand): Promise<{ more: boolean }> {
    const profile = await this.profiles.findById(command.tenantId, command.coachId);
    if (!profile || profile.populationVersion !== command.populationVersion) return { more: false };
    if (profile.populationRecomputedAt !== null) return { more: false };
    // A scan of the tenant's users on the local stand-in, a page at a time (a job, off every request).
    const page = await this.users.list(
      command.tenantId,
      {},
      {
        limit: POPULATION_CHUNK_SIZE,
        ...(profile.populationCursor ? { cursor: profile.populationCursor } : {}),
      },
    );
    await this.sync.apply(
      command.tenantId,
      page.items.map((user) => ({
        tenantId: command.tenantId,
        coachId: profile.id,
        userId: user.id,
        member: belongsToPopulation(profile, {
          id: user.id,
          customFields: user.customFields,
          deleted: false,
        }),
        userVersion: user.version,
        populationVersion: profile.populationVersion,
      })),
    );
    const finished = page.nextCursor === null;
    const now = this.clock.now();
    const progressed = {
      ...profile,
      populationCursor: page.nextCursor,
      populationRecomputedAt: finished ? now : null,
      version: profile.version + 1,
    };
    // Progress only: no event. Losing the race means the profile changed: the next run reads it again.
    const outcome = await this.profiles.update(progressed, profile, []);
    return { more: outcome === 'stale' || !finished };
  }
}
