import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID } from 'class-validator';
import { MAX_BULK_STATE_USERS } from '../use-cases/bulk-change-user-state.use-case';
import type { StateAction } from '../use-cases/change-user-state.use-case';

export class BulkChangeUserStateRequestDto {
  /** 1 to 1,000 user ids. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_STATE_USERS)
  @IsUUID('all', { each: true })
  userIds!: string[];

  @IsIn(['activate', 'deactivate']) action!: StateAction;
}
