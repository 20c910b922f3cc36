import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsUUID,
  MaxLength,
} from 'class-validator';

/** Exactly one of `email` and `userId`. */
export class CreateInvitationRequestDto {
  /** An address to invite; its account accepts. */
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  /** A user of the tenant to invite. */
  @IsOptional() @IsUUID() userId?: string;
  /** The roles the invited user gets in the group: at least one, each once. */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(GROUP_ROLES, { each: true }) roles!: GroupRole[];
}
