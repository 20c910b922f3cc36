import { Inject, Injectable } from '@nestjs/common';
import type { CoachProfile } from '../domain/coach-profile';
import { belongsToPopulation, filtersHeldBy } from '../domain/population-matching';
import type { MembershipVerdict } from '../domain/population-member';
import {
  COACH_POPULATION_REPOSITORY,
  type CoachPopulationRepository,
} from '../ports/coach-population.repository';
import { COACH_PROFILE_REPOSITORY, type CoachProfileRepository } from '../ports/coach-profile.repository';
import { PopulationSync } from './population-sync';

/** A user's state as one of its events tells it: its custom fields, or deleted (null). */
export interface UserChangeForPopulation {
  tenantId: string;
  userId: string;
  version: number;
  customFields: Readonly<Record<string, string>> | null;
}

/**
 * ID-C3: a batch of the users' changes (created, updated, deleted) brought into the coaches'
 * populations, by event and not by a nightly job (rule 8). Per tenant of the batch, with the
 * newest change of each user: the coaches having one of the user's field values as a filter
 * (the filter index, by key), and those whose population the user may be in now; each of
 * those profiles by id; then every user and coach pair is decided again and written where it
 * changed. A late or redelivered event changes nothing (see `decideMembership`).
 */
@Injectable()
export class FollowUserChangesUseCase {
  constructor(
    @Inject(COACH_PROFILE_REPOSITORY) private readonly profiles: CoachProfileRepository,
    @Inject(COACH_POPULATION_REPOSITORY) private readonly population: CoachPopulationRepository,
    private readonly sync: PopulationSync,
  ) {}

  async execute(changes: readonly UserChangeForPopulation[]): Promise<{ added: number; removed: number }> {
    const counts = { added: 0, removed: 0 };
    for (const [tenantId, newest] of newestByTenant(changes)) {
      const users = [...newest.values()];
      const held = users.flatMap((user) => filtersHeldBy(user.customFields ?? {}));
      const [filtering, noted] = await Promise.all([
        held.length > 0 ? this.profiles.coachIdsFilteringOn(tenantId, held) : Promise.resolve([]),
        this.population.coachesOfUsers(
          tenantId,
          users.map((user) => user.userId),
        ),
      ]);
      const coachIds = new Set([...filtering, ...[...noted.values()].flat()]);
      if (coachIds.size === 0) continue;
      const profiles = await this.profiles.findByIds(tenantId, [...coachIds]);
      const byId = new Map(profiles.map((profile) => [profile.id, profile]));
      const verdicts: MembershipVerdict[] = [];
      for (const user of users) {
        const candidates = new Set([
          ...(noted.get(user.userId) ?? []),
          ...profiles.filter((profile) => this.filtersOnHeld(profile, user)).map((profile) => profile.id),
        ]);
        for (const coachId of candidates) {
          // A coach noted for the user whose profile is gone: its population went with it.
          const profile = byId.get(coachId);
          if (!profile) continue;
          verdicts.push({
            tenantId,
            coachId,
            userId: user.userId,
            member: belongsToPopulation(profile, {
              id: user.userId,
              customFields: user.customFields ?? {},
              deleted: user.customFields === null,
            }),
            userVersion: user.version,
            populationVersion: profile.populationVersion,
          });
        }
      }
      const applied = await this.sync.apply(tenantId, verdicts);
      counts.added += applied.added;
      counts.removed += applied.removed;
    }
    return counts;
  }

  private filtersOnHeld(profile: CoachProfile, user: UserChangeForPopulation): boolean {
    const fields = user.customFields ?? {};
    return profile.filters.some((filter) => fields[filter.field] === filter.value);
  }
}

/** Per tenant, the newest change of each user of the batch. */
function newestByTenant(
  changes: readonly UserChangeForPopulation[],
): Map<string, Map<string, UserChangeForPopulation>> {
  const byTenant = new Map<string, Map<string, UserChangeForPopulation>>();
  for (const change of changes) {
    const users = byTenant.get(change.tenantId) ?? new Map<string, UserChangeForPopulation>();
    const known = users.get(change.userId);
    if (!known || known.version <= change.version) users.set(change.userId, change);
    byTenant.set(change.tenantId, users);
  }
  return byTenant;
}
