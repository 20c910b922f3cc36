import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MongoManagerRelationRepository } from './infra/mongo-manager-relation.repository';
import { MANAGER_RELATION_MODEL, ManagerRelationSchema } from './infra/manager-relation.schema';
import { ManagerEventsConsumer } from './manager-events.consumer';
import { MANAGER_RELATION_REPOSITORY } from './ports/manager-relation.repository';
import { ApplyManagerRelationsUseCase } from './use-cases/apply-manager-relations.use-case';

/**
 * Learning's projection of manager relations, from identity's organisation events: which
 * learners a manager may enroll (LE-E3, ID-G4).
 */
@Module({
  controllers: [ManagerEventsConsumer],
  providers: [
    mongoModel(MANAGER_RELATION_MODEL, ManagerRelationSchema),
    { provide: MANAGER_RELATION_REPOSITORY, useClass: MongoManagerRelationRepository },
    ApplyManagerRelationsUseCase,
  ],
  exports: [MANAGER_RELATION_REPOSITORY],
})
export class ManagersModule {}
