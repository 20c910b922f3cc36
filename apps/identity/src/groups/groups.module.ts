import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { GroupsController } from './groups.controller';
import { GROUP_MODEL, GroupSchema } from './infra/group.schema';
import { MongoGroupRepository } from './infra/mongo-group.repository';
import { GROUP_REPOSITORY } from './ports/group.repository';
import { CreateGroupUseCase } from './use-cases/create-group.use-case';
import { GetGroupUseCase } from './use-cases/get-group.use-case';

@Module({
  controllers: [GroupsController],
  providers: [
    mongoModel(GROUP_MODEL, GroupSchema),
    { provide: GROUP_REPOSITORY, useClass: MongoGroupRepository },
    CreateGroupUseCase,
    GetGroupUseCase,
  ],
  exports: [GROUP_REPOSITORY],
})
export class GroupsModule {}
