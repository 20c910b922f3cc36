import type { CoachFilter, CoachProfile } from '../domain/coach-profile';

export class CoachFilterResponseDto {
  field!: string;
  value!: string;
}

export class CoachProfileResponseDto {
  /** The coach's manager account. */
  id!: string;
  managerUserId!: string;
  learnerUserId!: string;
  roleLearnerManager!: string;
  roleCoach!: string;
  /** Each once, by field then value. */
  filters!: CoachFilterResponseDto[];
  /** When the population was last recomputed in whole; null while it is being recomputed. */
  populationRecomputedAt!: string | null;
  createdAt!: string;
  updatedAt!: string;
  version!: number;

  static from(profile: CoachProfile): CoachProfileResponseDto {
    return {
      id: profile.id,
      managerUserId: profile.id,
      learnerUserId: profile.learnerUserId,
      roleLearnerManager: profile.roleLearnerManager,
      roleCoach: profile.roleCoach,
      filters: profile.filters.map(filterResponse),
      populationRecomputedAt: profile.populationRecomputedAt?.toISOString() ?? null,
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
      version: profile.version,
    };
  }
}

export function filterResponse(filter: CoachFilter): CoachFilterResponseDto {
  return { field: filter.field, value: filter.value };
}
