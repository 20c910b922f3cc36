import { modelInTestDatabase } from '@lms/service-testing';
import {
  COURSE_INSTRUCTOR_MODEL,
  CourseInstructorSchema,
  type CourseInstructorDocument,
} from '../src/sessions/infra/course-instructor.schema';
import { MongoCourseInstructorRepository } from '../src/sessions/infra/mongo-course-instructor.repository';
import { describeCourseInstructorRepositoryContract } from '../src/testing/course-instructor-repository.contract';

const database = modelInTestDatabase<CourseInstructorDocument>(
  'notifications',
  COURSE_INSTRUCTOR_MODEL,
  CourseInstructorSchema,
);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeCourseInstructorRepositoryContract(
  'MongoCourseInstructorRepository',
  () => new MongoCourseInstructorRepository(database().model),
);
