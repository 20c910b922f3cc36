import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { CourseEventsConsumer } from './course-events.consumer';
import { CATALOG_COURSE_MODEL, CatalogCourseSchema } from './infra/catalog-course.schema';
import { MongoCatalogCourseRepository } from './infra/mongo-catalog-course.repository';
import { CATALOG_COURSE_REPOSITORY } from './ports/catalog-course.repository';
import { ApplyCourseEventsUseCase } from './use-cases/apply-course-events.use-case';

/**
 * Coaching's projection of learning's course catalog, fed by the courses stream: which courses a
 * coach may recommend is decided on it (`domain/course-recommendability.ts`, CO-W4).
 */
@Module({
  controllers: [CourseEventsConsumer],
  providers: [
    mongoModel(CATALOG_COURSE_MODEL, CatalogCourseSchema),
    { provide: CATALOG_COURSE_REPOSITORY, useClass: MongoCatalogCourseRepository },
    ApplyCourseEventsUseCase,
  ],
  exports: [CATALOG_COURSE_REPOSITORY],
})
export class CoursesModule {}
