import { Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { MONGO_CONNECTION } from '@lms/service-kit';
import {
  MongoUserProjectionRepository,
  USER_PROJECTION_MODEL_TOKEN,
} from './infra/mongo-user-projection.repository';
import { USER_PROJECTION_MODEL, UserProjectionSchema } from './infra/user-projection.schema';
import { USER_PROJECTION_REPOSITORY } from './ports/user-projection.repository';
import { ApplyUserEventsUseCase } from './use-cases/apply-user-events.use-case';
import { UserEventsConsumer } from './users.consumer';

/** The users projection, fed by identity's user events. */
@Module({
  controllers: [UserEventsConsumer],
  providers: [
    {
      provide: USER_PROJECTION_MODEL_TOKEN,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) => connection.model(USER_PROJECTION_MODEL, UserProjectionSchema),
    },
    { provide: USER_PROJECTION_REPOSITORY, useClass: MongoUserProjectionRepository },
    ApplyUserEventsUseCase,
  ],
  exports: [USER_PROJECTION_REPOSITORY],
})
export class UsersModule {}
