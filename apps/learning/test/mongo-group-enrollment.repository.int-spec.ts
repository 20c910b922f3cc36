import {
  GROUP_ENROLLMENT_DEPARTURE_MODEL,
  GROUP_ENROLLMENT_MODEL,
  GroupEnrollmentDepartureSchema,
  GroupEnrollmentSchema,
  type GroupEnrollmentDepartureDocument,
  type GroupEnrollmentDocument,
} from '../src/group-enrollments/infra/group-enrollment.schema';
import {
  MongoGroupEnrollmentDepartureRepository,
  MongoGroupEnrollmentRepository,
} from '../src/group-enrollments/infra/mongo-group-enrollment.repository';
import { describeGroupEnrollmentRepositoryContract } from '../src/testing/group-enrollment-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const groupEnrollments = modelOfTheTestDatabase<GroupEnrollmentDocument>(
  GROUP_ENROLLMENT_MODEL,
  GroupEnrollmentSchema,
);
const departures = modelOfTheTestDatabase<GroupEnrollmentDepartureDocument>(
  GROUP_ENROLLMENT_DEPARTURE_MODEL,
  GroupEnrollmentDepartureSchema,
);

/** The contract the in-memory fakes are held to, against the Mongo repositories and their indexes. */
describeGroupEnrollmentRepositoryContract('MongoGroupEnrollmentRepository', () => ({
  groupEnrollments: new MongoGroupEnrollmentRepository(groupEnrollments().model),
  departures: new MongoGroupEnrollmentDepartureRepository(departures().model),
}));
