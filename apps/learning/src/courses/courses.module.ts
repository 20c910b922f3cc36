import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { CoursesController } from './courses.controller';
import { COURSE_MODEL, CourseSchema } from './infra/course.schema';
import { MongoCourseRepository } from './infra/mongo-course.repository';
import { COURSE_REPOSITORY } from './ports/course.repository';
import { ListCoursesUseCase } from './use-cases/list-courses.use-case';

@Module({
  controllers: [CoursesController],
  providers: [
    mongoModel(COURSE_MODEL, CourseSchema),
    { provide: COURSE_REPOSITORY, useClass: MongoCourseRepository },
    ListCoursesUseCase,
  ],
})
export class CoursesModule {}
