import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MongoPreferenceRepository } from './infra/mongo-preference.repository';
import { PREFERENCE_MODEL, PreferenceSchema } from './infra/preference.schema';
import { PREFERENCE_REPOSITORY } from './ports/preference.repository';
import { PreferencesController } from './preferences.controller';
import { GetPreferencesUseCase } from './use-cases/get-preferences.use-case';
import { ReplacePreferencesUseCase } from './use-cases/replace-preferences.use-case';

/**
 * Mail preferences (NO-4): the kinds of mail each user does not want. The deliveries feature
 * imports this module: its dispatcher reads them before each send.
 */
@Module({
  controllers: [PreferencesController],
  providers: [
    mongoModel(PREFERENCE_MODEL, PreferenceSchema),
    { provide: PREFERENCE_REPOSITORY, useClass: MongoPreferenceRepository },
    GetPreferencesUseCase,
    ReplacePreferencesUseCase,
  ],
  exports: [PREFERENCE_REPOSITORY],
})
export class PreferencesModule {}
