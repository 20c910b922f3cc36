import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { MAX_MANAGEES_PER_REQUEST } from '../domain/manager-relation';

/** ID-G4: the managees to give, by ids or by emails: one of the two lists, 1 to 1,000 entries. */
export class AddManageesRequestDto {
  /** Users of the tenant by id. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MANAGEES_PER_REQUEST)
  @IsUUID('all', { each: true })
  userIds?: string[];

  /** Users of the tenant by email, in any case; one that is no user's is answered `not_found`. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MANAGEES_PER_REQUEST)
  @IsString({ each: true })
  @MaxLength(254, { each: true })
  emails?: string[];
}

/** The `:id` of the manager and the `:manageeId` of one of its managees. */
export class ManageeParamsDto {
  @IsUUID() id!: string;
  @IsUUID() manageeId!: string;
}
