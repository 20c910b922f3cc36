import { Inject, Injectable } from '@nestjs/common';
import { defaultPreferences, type MailPreferences, type PreferenceOwner } from '../domain/mail-preferences';
import { PREFERENCE_REPOSITORY, type PreferenceRepository } from '../ports/preference.repository';

/** NO-4: a user's mail preferences; none set yet: every mail is wanted (version 0). */
@Injectable()
export class GetPreferencesUseCase {
  constructor(@Inject(PREFERENCE_REPOSITORY) private readonly preferences: PreferenceRepository) {}

  async execute(query: PreferenceOwner): Promise<MailPreferences> {
    return (await this.preferences.find(query)) ?? defaultPreferences(query);
  }
}
