import { IsOptional, IsUUID } from 'class-validator';
import { PageRequestDto } from './page.request.dto';

/** `GET /v1/group-assignments` filters. */
export class ListGroupAssignmentsRequestDto extends PageRequestDto {
  @IsOptional()
  @IsUUID()
  groupId?: string;
}
