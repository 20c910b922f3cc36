import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { AssignmentsModule } from '../assignments/assignments.module';
import { CoachingSessionsController } from './coaching-sessions.controller';
import { EvaluationsController } from './evaluations.controller';
import { COACHING_RECORD_MODEL, CoachingRecordSchema } from './infra/coaching-record.schema';
import { MongoCoachingRecordRepository } from './infra/mongo-coaching-record.repository';
import { NoManagedUsers } from './infra/no-managed-users';
import { COACHING_RECORD_REPOSITORY } from './ports/coaching-record.repository';
import { MANAGED_USERS } from './ports/managed-users';
import { CreateCoachingRecordUseCase } from './use-cases/create-coaching-record.use-case';
import { DeleteCoachingRecordUseCase } from './use-cases/delete-coaching-record.use-case';
import { EditCoachingRecordUseCase } from './use-cases/edit-coaching-record.use-case';
import { GetCoachingRecordUseCase } from './use-cases/get-coaching-record.use-case';
import { ListCoachingRecordsUseCase } from './use-cases/list-coaching-records.use-case';
import { MenteeRelations } from './use-cases/mentee-relations';

/**
 * Expertise evaluations and coaching sessions a coach or a manager keeps about a mentee
 * (CO-W3). Who coaches whom comes from the assignments; who manages whom from
 * `MANAGED_USERS`, which answers "nobody" until units and teams exist (ID-G3).
 */
@Module({
  imports: [AssignmentsModule],
  controllers: [EvaluationsController, CoachingSessionsController],
  providers: [
    mongoModel(COACHING_RECORD_MODEL, CoachingRecordSchema),
    { provide: COACHING_RECORD_REPOSITORY, useClass: MongoCoachingRecordRepository },
    { provide: MANAGED_USERS, useClass: NoManagedUsers },
    MenteeRelations,
    CreateCoachingRecordUseCase,
    GetCoachingRecordUseCase,
    ListCoachingRecordsUseCase,
    EditCoachingRecordUseCase,
    DeleteCoachingRecordUseCase,
  ],
  exports: [COACHING_RECORD_REPOSITORY],
})
export class EvaluationsModule {}
