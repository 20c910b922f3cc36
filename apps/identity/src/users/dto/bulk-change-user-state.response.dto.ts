import type {
  BulkStateChange,
  BulkStateChangeState,
  BulkStateOutcome,
  BulkStateResult,
} from '../domain/bulk-state-change';
import type { StateAction } from '../domain/user-lifecycle';

export class BulkStateResultResponseDto {
  userId!: string;
  /**
   * `changed`, `unchanged`, `not_found`, `forbidden` (not yours to change, or an administrator
   * of a higher kind), `own_state`, `last_admin`, or `expired` (restored only by its expiry).
   */
  outcome!: BulkStateOutcome;

  static from(result: BulkStateResult): BulkStateResultResponseDto {
    return { userId: result.userId, outcome: result.outcome };
  }
}

/** A bulk state change (ID-U5): how far it got, and what became of each id done. */
export class BulkStateChangeResponseDto {
  id!: string;
  /** `running` until every id has its result, then `finished`. */
  state!: BulkStateChangeState;
  action!: StateAction;
  /** Distinct ids to change. */
  total!: number;
  /** Ids done so far. */
  processed!: number;
  /** One per distinct id done, in the order given. */
  results!: BulkStateResultResponseDto[];

  static from(change: BulkStateChange): BulkStateChangeResponseDto {
    return {
      id: change.id,
      state: change.state,
      action: change.action,
      total: change.userIds.length,
      processed: change.results.length,
      results: change.results.map(BulkStateResultResponseDto.from),
    };
  }
}
