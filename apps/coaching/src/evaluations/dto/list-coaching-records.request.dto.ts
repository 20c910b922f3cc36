import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@lms/service-kit';

/**
 * `GET /v1/evaluations` and `GET /v1/coaching-sessions` (CO-W3): a page, newest first, of what
 * the caller may read; each filter narrows.
 */
export class ListCoachingRecordsQueryDto extends PageQueryDto {
  /** About this user: a coach or manager lists its mentee's records this way. */
  @IsOptional()
  @IsUUID()
  menteeId?: string;

  /** Written by this user. */
  @IsOptional()
  @IsUUID()
  authorId?: string;
}
