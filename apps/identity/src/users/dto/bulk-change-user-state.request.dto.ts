import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID } from 'class-validator';
import { MAX_BULK_STATE_USERS } from '../domain/bulk-state-change';
import { STATE_ACTIONS, type StateAction } from '../domain/user-lifecycle';

export class BulkChangeUserStateRequestDto {
  /** 1 to 1,000 user ids. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_STATE_USERS)
  @IsUUID('all', { each: true })
  userIds!: string[];

  @IsIn(STATE_ACTIONS) action!: StateAction;
}
