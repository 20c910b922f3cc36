import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MongoUserRepository } from './infra/mongo-user.repository';
import { USER_MODEL, UserSchema } from './infra/user.schema';
import { USER_REPOSITORY } from './ports/user.repository';
import { UserWriter } from './use-cases/user-writes';

/** The users' storage, for the features that read and write accounts (users, administrators, sign-in). */
@Module({
  providers: [
    mongoModel(USER_MODEL, UserSchema),
    { provide: USER_REPOSITORY, useClass: MongoUserRepository },
    UserWriter,
  ],
  exports: [USER_REPOSITORY, UserWriter],
})
export class UserStoreModule {}
