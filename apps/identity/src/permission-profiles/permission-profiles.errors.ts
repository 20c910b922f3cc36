import { BusinessRuleError, ConflictError, DomainError, NotFoundError } from '@lms/kernel';

export class PermissionProfileNotFoundError extends NotFoundError {
  constructor(name: string) {
    super('PERMISSION_PROFILE.NOT_FOUND', 'No such permission profile.', { permissionProfile: name });
  }
}

/** ID-U2: only those who manage every user define, read and delete permission profiles. */
export class PermissionProfileForbiddenError extends DomainError {
  constructor() {
    super(
      'PERMISSION_PROFILE.FORBIDDEN',
      'forbidden',
      'Only those who manage every user of the tenant manage permission profiles.',
    );
  }
}

export class PermissionProfileNameInvalidError extends BusinessRuleError {
  constructor(name: string) {
    super(
      'PERMISSION_PROFILE.NAME_INVALID',
      'A permission profile name is 1 to 64 lower-case letters, digits, dashes or underscores, starting with a letter or a digit.',
      { permissionProfile: name },
    );
  }
}

export class UnknownPermissionRightError extends BusinessRuleError {
  constructor(rights: readonly string[]) {
    super('PERMISSION_PROFILE.UNKNOWN_RIGHT', 'A permission profile holds only rights of the catalogue.', {
      rights: [...rights],
    });
  }
}

/** A profile is deleted only once no user holds it: a user would otherwise name a profile that is gone. */
export class PermissionProfileInUseError extends ConflictError {
  constructor(name: string) {
    super(
      'PERMISSION_PROFILE.IN_USE',
      'Users hold this permission profile: give them another one (or none) first.',
      { permissionProfile: name },
    );
  }
}
