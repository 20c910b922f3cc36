import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@lms/service-kit';

/** `GET /v1/group-assignments` filters. */
export class ListGroupAssignmentsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  groupId?: string;
}
