import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { CoursesModule } from '../courses/courses.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { UsersModule } from '../users/users.module';
import { EnrollmentEventsConsumer } from './enrollment-events.consumer';
import { MongoPlanEnrollmentRepository } from './infra/mongo-plan-enrollment.repository';
import { MongoPlanRepository } from './infra/mongo-plan.repository';
import { PLAN_ENROLLMENT_MODEL, PlanEnrollmentSchema } from './infra/plan-enrollment.schema';
import { PLAN_MODEL, PlanSchema } from './infra/plan.schema';
import { MyPlansController } from './my-plans.controller';
import { PlansController } from './plans.controller';
import { PLAN_ENROLLMENT_REPOSITORY } from './ports/plan-enrollment.repository';
import { PLAN_REPOSITORY } from './ports/plan.repository';
import { CreatePlanUseCase } from './use-cases/create-plan.use-case';
import { DeletePlanUseCase } from './use-cases/delete-plan.use-case';
import { EditPlanUseCase } from './use-cases/edit-plan.use-case';
import { EnrollInPlanUseCase } from './use-cases/enroll-in-plan.use-case';
import { GetPlanUseCase } from './use-cases/get-plan.use-case';
import { ListMyPlansUseCase } from './use-cases/list-my-plans.use-case';
import { ListPlanEnrollmentsUseCase } from './use-cases/list-plan-enrollments.use-case';
import { ListPlansUseCase } from './use-cases/list-plans.use-case';
import { PlanStateKeeper } from './use-cases/plan-state-keeper';
import { RefreshPlanStatesUseCase } from './use-cases/refresh-plan-states.use-case';

/**
 * Learning plans (LE-P1): plans made of the tenant's courses; enrolling a learner in a plan
 * enrolls it in the plan's courses, and its plan state follows its enrollments in them, from
 * learning's own enrollment events. Every change of a plan state publishes the plan-enrollments
 * stream.
 */
@Module({
  imports: [CoursesModule, EnrollmentsModule, UsersModule],
  controllers: [PlansController, MyPlansController, EnrollmentEventsConsumer],
  providers: [
    mongoModel(PLAN_MODEL, PlanSchema),
    mongoModel(PLAN_ENROLLMENT_MODEL, PlanEnrollmentSchema),
    { provide: PLAN_REPOSITORY, useClass: MongoPlanRepository },
    { provide: PLAN_ENROLLMENT_REPOSITORY, useClass: MongoPlanEnrollmentRepository },
    PlanStateKeeper,
    CreatePlanUseCase,
    GetPlanUseCase,
    ListPlansUseCase,
    EditPlanUseCase,
    DeletePlanUseCase,
    EnrollInPlanUseCase,
    ListPlanEnrollmentsUseCase,
    ListMyPlansUseCase,
    RefreshPlanStatesUseCase,
  ],
  exports: [PLAN_REPOSITORY, PLAN_ENROLLMENT_REPOSITORY, EnrollInPlanUseCase],
})
export class PlansModule {}
