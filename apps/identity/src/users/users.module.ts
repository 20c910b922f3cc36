import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { CredentialsModule } from '../auth/credentials.module';
import { MongoUserRepository } from './infra/mongo-user.repository';
import { USER_MODEL, UserSchema } from './infra/user.schema';
import { USER_REPOSITORY } from './ports/user.repository';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { GetUserUseCase } from './use-cases/get-user.use-case';
import { ListUsersUseCase } from './use-cases/list-users.use-case';
import { UsersController } from './users.controller';

@Module({
  imports: [CredentialsModule],
  controllers: [UsersController],
  providers: [
    mongoModel(USER_MODEL, UserSchema),
    { provide: USER_REPOSITORY, useClass: MongoUserRepository },
    CreateUserUseCase,
    GetUserUseCase,
    ListUsersUseCase,
  ],
  exports: [USER_REPOSITORY],
})
export class UsersModule {}
