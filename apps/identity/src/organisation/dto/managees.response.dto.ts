import type { ManageeOutcome, ManagerRelation } from '../domain/manager-relation';
import type { ManageeResult } from '../use-cases/add-managees.use-case';

export class ManageeResultResponseDto {
  /** The id asked for, or the user found by the email asked for; null: no such user. */
  userId!: string | null;
  /** The email asked for; null when asked by id. */
  email!: string | null;
  /** `added`, `already` (a managee already), `not_found`, `not_active` (deactivated or expired), `self`. */
  outcome!: ManageeOutcome;

  static from(result: ManageeResult): ManageeResultResponseDto {
    return { userId: result.userId, email: result.email, outcome: result.outcome };
  }
}

export class AddManageesResponseDto {
  /** One per distinct id or email asked for, in the order asked. */
  results!: ManageeResultResponseDto[];

  static from(results: readonly ManageeResult[]): AddManageesResponseDto {
    return { results: results.map((result) => ManageeResultResponseDto.from(result)) };
  }
}

export class ManageeResponseDto {
  managerId!: string;
  manageeId!: string;
  /** When the user last became the manager's managee. */
  addedAt!: string;
  version!: number;

  static from(relation: ManagerRelation): ManageeResponseDto {
    return {
      managerId: relation.managerId,
      manageeId: relation.manageeId,
      addedAt: relation.updatedAt.toISOString(),
      version: relation.version,
    };
  }
}
