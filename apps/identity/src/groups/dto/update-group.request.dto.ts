import { GROUP_CONFIDENTIALITIES, type GroupConfidentiality } from '@lms/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Trim } from '../../shared/trim.transform';

export class UpdateGroupRequestDto {
  /** The new name; absent: unchanged. */
  @IsOptional() @Trim() @IsString() @Length(1, 200) name?: string;
  /** The new confidentiality; absent: unchanged. */
  @IsOptional() @IsIn(GROUP_CONFIDENTIALITIES) confidentiality?: GroupConfidentiality;
}
