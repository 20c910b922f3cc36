import type { BulkStateOutcome, BulkStateResult } from '../use-cases/bulk-change-user-state.use-case';

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

export class BulkChangeUserStateResponseDto {
  /** One per distinct id, in the order given. */
  results!: BulkStateResultResponseDto[];

  static from(results: readonly BulkStateResult[]): BulkChangeUserStateResponseDto {
    return { results: results.map(BulkStateResultResponseDto.from) };
  }
}
