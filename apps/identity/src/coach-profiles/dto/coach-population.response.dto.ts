import type { User } from '../../users/domain/user';
import type { CoachPopulationPage } from '../use-cases/coach-profile-queries';
import { CoachFilterResponseDto, filterResponse } from './coach-profile.response.dto';

/** A learner of a coach's population. */
export class PopulationUserResponseDto {
  id!: string;
  email!: string;
  firstName!: string;
  lastName!: string;
  state!: string;
  customFields!: Record<string, string>;

  static from(user: User): PopulationUserResponseDto {
    return {
      id: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      state: user.state,
      customFields: { ...user.customFields },
    };
  }
}

/** A page of a coach's population (ID-C3). */
export class CoachPopulationResponseDto {
  items!: PopulationUserResponseDto[];
  limit!: number;
  nextCursor!: string | null;
  /** When the whole population was last recomputed; null while a recomputation runs. */
  recomputedAt!: string | null;
  /** The filters whose value no user of the tenant holds, e.g. `United-Kingdom` written for `UK`. */
  unmatchedFilters!: CoachFilterResponseDto[];

  static from(page: CoachPopulationPage): CoachPopulationResponseDto {
    return {
      items: page.items.map((user) => PopulationUserResponseDto.from(user)),
      limit: page.limit,
      nextCursor: page.nextCursor,
      recomputedAt: page.recomputedAt?.toISOString() ?? null,
      unmatchedFilters: page.unmatchedFilters.map(filterResponse),
    };
  }
}
