import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_CURSOR_LENGTH, MAX_PAGE_LIMIT, type PageRequest } from '@lms/kernel';
import { MatchesPattern } from './matches-pattern';

/** The alphabet of the cursors the platform hands out (base64url). */
const CURSOR_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * `?limit=&cursor=` of every list route, for the feature query DTOs to extend: `limit` 1–200
 * (50 when absent); `cursor` the `nextCursor` of the page before (the first page when
 * absent). A value out of range is a 400 `REQUEST.VALIDATION_FAILED` from the validation
 * pipe, which also applies the default; a cursor altered, or made by the same list in another
 * order, is a 400 `PAGE.CURSOR_INVALID` from the repository that reads it.
 */
export class PageQueryDto implements PageRequest {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = DEFAULT_PAGE_LIMIT;

  /** The `nextCursor` of the page before. */
  @IsOptional()
  @MaxLength(MAX_CURSOR_LENGTH)
  @MatchesPattern(CURSOR_PATTERN, { required: false })
  cursor?: string;

  /** The page this query asks for. */
  static pageOf(query: PageQueryDto): PageRequest {
    return { limit: query.limit, cursor: query.cursor };
  }
}
