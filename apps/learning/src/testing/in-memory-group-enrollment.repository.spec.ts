import { describeGroupEnrollmentRepositoryContract } from './group-enrollment-repository.contract';
import {
  InMemoryGroupEnrollmentDepartureRepository,
  InMemoryGroupEnrollmentRepository,
} from './in-memory-group-enrollment.repository';

describeGroupEnrollmentRepositoryContract('InMemoryGroupEnrollmentRepository', () => ({
  groupEnrollments: new InMemoryGroupEnrollmentRepository(),
  departures: new InMemoryGroupEnrollmentDepartureRepository(),
}));
