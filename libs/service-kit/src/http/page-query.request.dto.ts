import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, MAX_PAGE_OFFSET, type PageRequest } from '@lms/kernel';

/**
 * `?limit=&offset=` of every list route, for the feature query DTOs to extend: `limit`
 * 1–200 (50 when absent), `offset` from 0 (0 when absent). A value out of range is a 400
 * `REQUEST.VALIDATION_FAILED` from the validation pipe, which also applies the defaults.
 */
export class PageQueryDto implements PageRequest {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = DEFAULT_PAGE_LIMIT;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_OFFSET)
  offset: number = 0;
}
