import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { AssignmentsModule } from '../assignments/assignments.module';
import { CoursesModule } from '../courses/courses.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { RECOMMENDATION_MODEL, RecommendationSchema } from './infra/recommendation.schema';
import { MongoRecommendationRepository } from './infra/mongo-recommendation.repository';
import { MyRecommendationsController } from './my-recommendations.controller';
import { RECOMMENDATION_REPOSITORY } from './ports/recommendation.repository';
import { RecommendationsController } from './recommendations.controller';
import { ListRecommendationsUseCase } from './use-cases/list-recommendations.use-case';
import { RecommendCoursesUseCase } from './use-cases/recommend-courses.use-case';
import { RemoveRecommendationUseCase } from './use-cases/remove-recommendation.use-case';

/**
 * Coaches' recommendations of catalog courses to their mentees (CO-W4): made under a current,
 * active assignment, of the published courses of coaching's copy of learning's catalog; each
 * change published on `coaching.recommendations.v1`, each shown with the mentee's enrollment
 * from coaching's copy of learning's enrollments.
 */
@Module({
  imports: [AssignmentsModule, CoursesModule, EnrollmentsModule],
  controllers: [RecommendationsController, MyRecommendationsController],
  providers: [
    mongoModel(RECOMMENDATION_MODEL, RecommendationSchema),
    { provide: RECOMMENDATION_REPOSITORY, useClass: MongoRecommendationRepository },
    RecommendCoursesUseCase,
    ListRecommendationsUseCase,
    RemoveRecommendationUseCase,
  ],
})
export class RecommendationsModule {}
