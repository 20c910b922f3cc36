import { GROUP_CONFIDENTIALITIES, type GroupConfidentiality } from '@lms/contracts';
import { PageQueryDto } from '@lms/service-kit';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListGroupsQueryDto extends PageQueryDto {
  /** The start of the group's name, any case. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsOptional() @IsIn(GROUP_CONFIDENTIALITIES) confidentiality?: GroupConfidentiality;
}
