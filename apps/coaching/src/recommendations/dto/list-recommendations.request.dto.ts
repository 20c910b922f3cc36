import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@lms/service-kit';

/** `GET /v1/recommendations`: a page, narrowed to one mentee when asked. */
export class ListRecommendationsQueryDto extends PageQueryDto {
  /** Only those made to this mentee. */
  @IsOptional()
  @IsUUID()
  menteeId?: string;
}
