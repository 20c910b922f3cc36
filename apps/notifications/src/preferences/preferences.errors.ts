import { BusinessRuleError, DomainError } from '@lms/kernel';

/** Preferences belong to users: a caller that names no user (a service) has none. */
export class PreferencesUserOnlyError extends DomainError {
  constructor() {
    super('PREFERENCES.USER_ONLY', 'forbidden', 'Mail preferences are those of a signed-in user.');
  }
}

/** NO-4: account-security mails are always sent. */
export class MandatoryMailCategoryError extends BusinessRuleError {
  constructor(categories: readonly string[]) {
    super('PREFERENCES.MANDATORY_CATEGORY', 'Account-security mails cannot be opted out of.', {
      categories: [...categories],
    });
  }
}
