import { IsString, Length } from 'class-validator';
import { Trim } from '../../shared/trim.transform';

/** A new unit or team. */
export class CreateNodeRequestDto {
  @Trim() @IsString() @Length(1, 200) name!: string;
}

/** A unit's or a team's new name. */
export class RenameNodeRequestDto {
  @Trim() @IsString() @Length(1, 200) name!: string;
}
