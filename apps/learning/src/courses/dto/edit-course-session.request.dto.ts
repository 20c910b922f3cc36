import { IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  MAX_SESSION_CAPACITY,
  MAX_SESSION_LINK_LENGTH,
  MAX_SESSION_PLACE_LENGTH,
} from '../domain/course-session';
import { IsInstant, IsTrimmedText, IsWebAddress, Present } from './course-fields';

/**
 * `PATCH /v1/courses/{id}/sessions/{sessionId}` (LE-C1): an absent field is kept; `place: null`
 * or `link: null` removes it (one of them stays).
 */
export class EditCourseSessionRequestDto {
  /**
   * An ISO 8601 instant, before `endsAt`.
   * @example "2027-01-15T09:00:00Z"
   */
  @Present()
  @IsInstant(false)
  startsAt?: string;

  /**
   * An ISO 8601 instant.
   * @example "2027-01-15T17:00:00Z"
   */
  @Present()
  @IsInstant(false)
  endsAt?: string;

  /**
   * 1 to 300 characters once trimmed; null: none.
   * @example "Milan office, room 4"
   */
  @IsOptional()
  @IsTrimmedText(MAX_SESSION_PLACE_LENGTH)
  place?: string | null;

  /**
   * http or https; null: none.
   * @example "https://meet.example.com/negotiation-basics"
   */
  @IsOptional()
  @IsWebAddress(MAX_SESSION_LINK_LENGTH)
  link?: string | null;

  /** Seats: 1 to 10000. */
  @Present()
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_CAPACITY)
  capacity?: number;
}
