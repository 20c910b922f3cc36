import { Inject, Injectable } from '@nestjs/common';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import {
  defaultPreferences,
  replaceOptOuts,
  type MailCategory,
  type MailPreferences,
} from '../domain/mail-preferences';
import { PREFERENCE_REPOSITORY, type PreferenceRepository } from '../ports/preference.repository';
import { MandatoryMailCategoryError } from '../preferences.errors';

export interface ReplacePreferencesCommand {
  tenantId: string;
  userId: string;
  /** The categories the user does not want mailed from now on: the whole set. */
  optedOut: readonly MailCategory[];
  /** The version the caller read (`If-Match`); undefined: whatever the current one is. */
  expectedVersion?: number;
}

/**
 * NO-4: replaces the categories a user opted out of, by compare-and-set on the version read
 * (version 0: none stored yet). The dispatcher reads them before each send, so the choice
 * counts for every mail not sent yet. The same set again: no write.
 */
@Injectable()
export class ReplacePreferencesUseCase {
  constructor(
    @Inject(PREFERENCE_REPOSITORY) private readonly preferences: PreferenceRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ReplacePreferencesCommand): Promise<MailPreferences> {
    const owner = { tenantId: command.tenantId, userId: command.userId };
    return withOptimisticRetry<MailPreferences>(async () => {
      const stored = await this.preferences.find(owner);
      const current = stored ?? defaultPreferences(owner);
      assertExpectedVersion(command.expectedVersion, current.version);
      const decision = replaceOptOuts(current, command.optedOut, this.clock.now());
      if (decision.outcome === 'mandatory') throw new MandatoryMailCategoryError(decision.categories);
      if (decision.outcome === 'unchanged') return { outcome: 'written', value: decision.preferences };
      const { preferences } = decision;
      const outcome = stored
        ? await this.preferences.update(preferences, stored.version)
        : await this.preferences.insert(preferences);
      return outcome === 'written' ? { outcome, value: preferences } : { outcome };
    });
  }
}
