import { describeCourseInstructorRepositoryContract } from './course-instructor-repository.contract';
import { InMemoryCourseInstructorRepository } from './in-memory-course-instructor.repository';

describeCourseInstructorRepositoryContract(
  'InMemoryCourseInstructorRepository',
  () => new InMemoryCourseInstructorRepository(),
);
