import { asOutboxCollection, type OutboxEntry } from '@lms/messaging';
import {
  COURSE_SESSION_MODEL,
  CourseSessionSchema,
  type CourseSessionDocument,
} from '../src/courses/infra/course-session.schema';
import { MongoCourseSessionRepository } from '../src/courses/infra/mongo-course-session.repository';
import { describeCourseSessionRepositoryContract } from '../src/testing/course-session-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<CourseSessionDocument>(COURSE_SESSION_MODEL, CourseSessionSchema);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeCourseSessionRepositoryContract('MongoCourseSessionRepository', () => {
  const { model, relay } = database();
  const documents = asOutboxCollection(model);
  return {
    repository: new MongoCourseSessionRepository(model, relay),
    outboxOf: async (id: string): Promise<OutboxEntry[]> =>
      (await documents.findOne({ _id: id }, { projection: { outbox: 1 } }))?.outbox ?? [],
  };
});
