import { Module } from '@nestjs/common';
import type { Model } from 'mongoose';
import { OutboxRelay } from '@lms/messaging';
import { MONGO_CONNECTION } from '@lms/service-kit';
import { MongoUserRepository } from './infra/mongo-user.repository';
import { USER_MODEL, userModel, type UserRecord } from './infra/user.schema';
import { USER_REPOSITORY } from './ports/user.repository';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { GetUserUseCase } from './use-cases/get-user.use-case';
import { ListUsersUseCase } from './use-cases/list-users.use-case';
import { UsersController } from './users.controller';

@Module({
  controllers: [UsersController],
  providers: [
    { provide: USER_MODEL, inject: [MONGO_CONNECTION], useFactory: userModel },
    {
      provide: USER_REPOSITORY,
      inject: [USER_MODEL, OutboxRelay],
      useFactory: (model: Model<UserRecord>, relay: OutboxRelay) => new MongoUserRepository(model, relay),
    },
    CreateUserUseCase,
    GetUserUseCase,
    ListUsersUseCase,
  ],
  exports: [USER_REPOSITORY],
})
export class UsersModule {}
