import mongoose, { type Connection, type Model } from 'mongoose';
import { isolateTestEnvironment } from '@lms/service-testing';
import type { Course } from '../src/courses/domain/course';
import { COURSE_MODEL, CourseSchema, type CourseDocument } from '../src/courses/infra/course.schema';
import { MongoCourseRepository } from '../src/courses/infra/mongo-course.repository';
import { describeCourseRepositoryContract } from '../src/testing/course-repository.contract';

const { dbName } = isolateTestEnvironment('learning');
let connection: Connection;
let model: Model<CourseDocument>;
let repository: MongoCourseRepository;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
    .asPromise();
  model = connection.model<CourseDocument>(COURSE_MODEL, CourseSchema);
  await model.createIndexes();
  repository = new MongoCourseRepository(model);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

/** Courses written through the model, as the service will store them once it creates some. */
async function seed(courses: readonly Course[]): Promise<void> {
  await model.insertMany(courses.map(({ id, ...course }) => ({ _id: id, ...course, outbox: [] })));
}

describeCourseRepositoryContract('MongoCourseRepository', () => ({ repository, seed }));
