import { asOutboxCollection, type OutboxEntry } from '@lms/messaging';
import { COURSE_MODEL, CourseSchema, type CourseDocument } from '../src/courses/infra/course.schema';
import { MongoCourseRepository } from '../src/courses/infra/mongo-course.repository';
import { describeCourseRepositoryContract } from '../src/testing/course-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<CourseDocument>(COURSE_MODEL, CourseSchema);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeCourseRepositoryContract('MongoCourseRepository', () => {
  const { model, relay } = database();
  const documents = asOutboxCollection(model);
  return {
    repository: new MongoCourseRepository(model, relay),
    outboxOf: async (id: string): Promise<OutboxEntry[]> =>
      (await documents.findOne({ _id: id }, { projection: { outbox: 1 } }))?.outbox ?? [],
  };
});
