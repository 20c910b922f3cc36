import { Module } from '@nestjs/common';
import type { Model } from 'mongoose';
import { OutboxRelay } from '@lms/messaging';
import { MONGO_CONNECTION } from '@lms/service-kit';
import { GroupsController } from './groups.controller';
import { GROUP_MODEL, groupModel, type GroupRecord } from './infra/group.schema';
import { MongoGroupRepository } from './infra/mongo-group.repository';
import { GROUP_REPOSITORY } from './ports/group.repository';
import { CreateGroupUseCase } from './use-cases/create-group.use-case';
import { GetGroupUseCase } from './use-cases/get-group.use-case';

@Module({
  controllers: [GroupsController],
  providers: [
    { provide: GROUP_MODEL, inject: [MONGO_CONNECTION], useFactory: groupModel },
    {
      provide: GROUP_REPOSITORY,
      inject: [GROUP_MODEL, OutboxRelay],
      useFactory: (model: Model<GroupRecord>, relay: OutboxRelay) => new MongoGroupRepository(model, relay),
    },
    CreateGroupUseCase,
    GetGroupUseCase,
  ],
  exports: [GROUP_REPOSITORY],
})
export class GroupsModule {}
