import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@lms/service-kit';

export class ListUsersQueryDto extends PageQueryDto {
  /** Exact email, any case. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(254) email?: string;
}
