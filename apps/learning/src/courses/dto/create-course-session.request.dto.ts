import { IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  MAX_SESSION_CAPACITY,
  MAX_SESSION_LINK_LENGTH,
  MAX_SESSION_PLACE_LENGTH,
} from '../domain/course-session';
import { IsInstant, IsTrimmedText, IsWebAddress } from './course-fields';

/** `POST /v1/courses/{id}/sessions` (LE-C1): held at a place, at a link, or both. */
export class CreateCourseSessionRequestDto {
  /**
   * When it starts: an ISO 8601 instant, before `endsAt`.
   * @example "2027-01-15T09:00:00Z"
   */
  @IsInstant(true)
  startsAt!: string;

  /**
   * When it ends: an ISO 8601 instant.
   * @example "2027-01-15T17:00:00Z"
   */
  @IsInstant(true)
  endsAt!: string;

  /**
   * Where it is held in person, 1 to 300 characters once trimmed.
   * @example "Milan office, room 4"
   */
  @IsOptional()
  @IsTrimmedText(MAX_SESSION_PLACE_LENGTH)
  place?: string;

  /**
   * Where it is held online: http or https.
   * @example "https://meet.example.com/negotiation-basics"
   */
  @IsOptional()
  @IsWebAddress(MAX_SESSION_LINK_LENGTH)
  link?: string;

  /** Seats: 1 to 10000. */
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_CAPACITY)
  capacity!: number;
}
