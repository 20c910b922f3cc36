import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type PageRequest } from './page';

/** `?limit=&offset=` of every list route: at most 200 items a page, 50 by default. */
export class PageQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_LIMIT) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;

  toPageRequest(): PageRequest {
    return { limit: this.limit ?? DEFAULT_PAGE_LIMIT, offset: this.offset ?? 0 };
  }
}
