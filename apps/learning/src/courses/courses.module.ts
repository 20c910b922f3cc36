import { Module } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MONGO_CONNECTION } from '@lms/service-kit';
import { CoursesController } from './courses.controller';
import { COURSE_MODEL, courseModel, type CourseRecord } from './infra/course.schema';
import { MongoCourseRepository } from './infra/mongo-course.repository';
import { COURSE_REPOSITORY } from './ports/course.repository';
import { ListCoursesUseCase } from './use-cases/list-courses.use-case';

@Module({
  controllers: [CoursesController],
  providers: [
    { provide: COURSE_MODEL, inject: [MONGO_CONNECTION], useFactory: courseModel },
    {
      provide: COURSE_REPOSITORY,
      inject: [COURSE_MODEL],
      useFactory: (model: Model<CourseRecord>) => new MongoCourseRepository(model),
    },
    ListCoursesUseCase,
  ],
})
export class CoursesModule {}
