import { BusinessRuleError, ConflictError, NotFoundError } from '@lms/kernel';

export class UnitNotFoundError extends NotFoundError {
  constructor(unitId: string) {
    super('UNIT.NOT_FOUND', 'No such unit.', { unitId });
  }
}

/** ID-G3: a unit contains teams; it is deleted only once it has none. */
export class UnitHasTeamsError extends ConflictError {
  constructor(unitId: string) {
    super('UNIT.HAS_TEAMS', 'The unit still has teams: delete them first.', { unitId });
  }
}

export class TeamNotFoundError extends NotFoundError {
  constructor(unitId: string, teamId: string) {
    super('TEAM.NOT_FOUND', 'No such team in this unit.', { unitId, teamId });
  }
}

/** A manager or a member named by id must be a user of the tenant. */
export class OrganisationUserUnknownError extends BusinessRuleError {
  constructor(userId: string) {
    super('ORGANISATION.USER_UNKNOWN', 'No such user in this tenant.', { userId });
  }
}

/** ID-G4: the user is not a managee of this manager. */
export class ManageeNotFoundError extends NotFoundError {
  constructor(managerId: string, manageeId: string) {
    super('MANAGEE.NOT_FOUND', 'The user is not a managee of this manager.', { managerId, manageeId });
  }
}

/** ID-G4: managees are named by ids or by emails, one of the two, at least one and at most 1,000. */
export class ManageeRequestInvalidError extends BusinessRuleError {
  constructor(max: number) {
    super(
      'MANAGEE.REQUEST_INVALID',
      `Name the managees by userIds or by emails (one of the two), from 1 to ${max}.`,
      { max },
    );
  }
}
