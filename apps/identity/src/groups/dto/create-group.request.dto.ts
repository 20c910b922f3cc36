import { GROUP_CONFIDENTIALITIES, type GroupConfidentiality } from '@lms/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Trim } from '../../shared/trim.transform';

export class CreateGroupRequestDto {
  @Trim() @IsString() @Length(1, 200) name!: string;
  /** `private` when absent. */
  @IsOptional() @IsIn(GROUP_CONFIDENTIALITIES) confidentiality?: GroupConfidentiality;
}
