import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { UserStoreModule } from '../users/user-store.module';
import { CoachPopulationJob } from './coach-population.job';
import { CoachProfilesController } from './coach-profiles.controller';
import {
  POPULATION_MEMBER_MODEL,
  POPULATION_USER_MODEL,
  PopulationMemberSchema,
  PopulationUserSchema,
} from './infra/coach-population.schema';
import {
  COACH_FILTER_INDEX_MODEL,
  COACH_LEARNER_LINK_MODEL,
  COACH_PROFILE_MODEL,
  CoachFilterIndexSchema,
  CoachLearnerLinkSchema,
  CoachProfileSchema,
} from './infra/coach-profile.schema';
import { MongoCoachLearnerLinkRepository } from './infra/mongo-coach-learner-link.repository';
import { COACH_LEARNER_LINK_REPOSITORY } from './ports/coach-learner-link.repository';
import { CoachLearnerLinks } from './use-cases/coach-learner-links';
import { MongoCoachPopulationRepository } from './infra/mongo-coach-population.repository';
import { MongoCoachProfileRepository } from './infra/mongo-coach-profile.repository';
import { COACH_POPULATION_REPOSITORY } from './ports/coach-population.repository';
import { COACH_PROFILE_REPOSITORY } from './ports/coach-profile.repository';
import {
  GetCoachPopulationUseCase,
  GetCoachProfileUseCase,
  ListCoachProfilesUseCase,
} from './use-cases/coach-profile-queries';
import { DefineCoachProfileUseCase } from './use-cases/define-coach-profile.use-case';
import { DeleteCoachProfileUseCase } from './use-cases/delete-coach-profile.use-case';
import { FollowUserChangesUseCase } from './use-cases/follow-user-changes.use-case';
import { PopulationSync } from './use-cases/population-sync';
import { RecomputeCoachPopulationUseCase } from './use-cases/recompute-coach-population.use-case';
import { CoachPopulationUserEventsConsumer } from './user-events.consumer';

/**
 * Coach profiles (ID-C1) and their learner populations (ID-C3), kept in line with the users'
 * changes by identity's own user events and recomputed as a job when a profile's filters change.
 */
@Module({
  imports: [UserStoreModule],
  controllers: [CoachProfilesController, CoachPopulationUserEventsConsumer],
  providers: [
    mongoModel(COACH_PROFILE_MODEL, CoachProfileSchema),
    mongoModel(COACH_FILTER_INDEX_MODEL, CoachFilterIndexSchema),
    mongoModel(COACH_LEARNER_LINK_MODEL, CoachLearnerLinkSchema),
    mongoModel(POPULATION_MEMBER_MODEL, PopulationMemberSchema),
    mongoModel(POPULATION_USER_MODEL, PopulationUserSchema),
    { provide: COACH_PROFILE_REPOSITORY, useClass: MongoCoachProfileRepository },
    { provide: COACH_POPULATION_REPOSITORY, useClass: MongoCoachPopulationRepository },
    { provide: COACH_LEARNER_LINK_REPOSITORY, useClass: MongoCoachLearnerLinkRepository },
    CoachLearnerLinks,
    PopulationSync,
    DefineCoachProfileUseCase,
    GetCoachProfileUseCase,
    ListCoachProfilesUseCase,
    DeleteCoachProfileUseCase,
    GetCoachPopulationUseCase,
    RecomputeCoachPopulationUseCase,
    FollowUserChangesUseCase,
    CoachPopulationJob,
  ],
  exports: [COACH_PROFILE_REPOSITORY, DefineCoachProfileUseCase],
})
export class CoachProfilesModule {}
