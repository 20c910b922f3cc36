import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { CoursesModule } from '../courses/courses.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import {
  LEARNER_RECOMMENDATION_MODEL,
  LearnerRecommendationSchema,
} from './infra/learner-recommendation.schema';
import { MongoLearnerRecommendationRepository } from './infra/mongo-learner-recommendation.repository';
import { MyRecommendationsController } from './my-recommendations.controller';
import { LEARNER_RECOMMENDATION_REPOSITORY } from './ports/learner-recommendation.repository';
import { RecommendationEventsConsumer } from './recommendation-events.consumer';
import { ApplyRecommendationEventsUseCase } from './use-cases/apply-recommendation-events.use-case';
import { ListMyRecommendationsUseCase } from './use-cases/list-my-recommendations.use-case';

/**
 * Learning's projection of coaches' course recommendations (CO-W4), from coaching's events, and
 * the learner's own list of them with its enrollment in each course.
 */
@Module({
  imports: [CoursesModule, EnrollmentsModule],
  controllers: [MyRecommendationsController, RecommendationEventsConsumer],
  providers: [
    mongoModel(LEARNER_RECOMMENDATION_MODEL, LearnerRecommendationSchema),
    { provide: LEARNER_RECOMMENDATION_REPOSITORY, useClass: MongoLearnerRecommendationRepository },
    ApplyRecommendationEventsUseCase,
    ListMyRecommendationsUseCase,
  ],
})
export class RecommendationsModule {}
