import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { COACHING_USER_MODEL, CoachingUserSchema } from './infra/coaching-user.schema';
import { MongoCoachingUserRepository } from './infra/mongo-coaching-user.repository';
import { COACHING_USER_REPOSITORY } from './ports/coaching-user.repository';
import { ApplyUserEventsUseCase } from './use-cases/apply-user-events.use-case';
import { UserEventsConsumer } from './user-events.consumer';

/**
 * Coaching's projection of identity's users, fed by the users stream: who may coach or be
 * coached is decided on it (`domain/user-assignability.ts`).
 */
@Module({
  controllers: [UserEventsConsumer],
  providers: [
    mongoModel(COACHING_USER_MODEL, CoachingUserSchema),
    { provide: COACHING_USER_REPOSITORY, useClass: MongoCoachingUserRepository },
    ApplyUserEventsUseCase,
  ],
  exports: [COACHING_USER_REPOSITORY],
})
export class UsersModule {}
