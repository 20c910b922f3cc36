import { IsString, Length } from 'class-validator';
import { Trim } from '../../shared/trim.transform';

export class UpdateTenantRequestDto {
  @Trim() @IsString() @Length(1, 200) name!: string;
}
