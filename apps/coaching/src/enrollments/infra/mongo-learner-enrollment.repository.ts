import { Injectable } from '@nestjs/common';
import { foldNewestState } from '@lms/kernel';
import { trusted, type Model, type mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import {
  learnerEnrollmentKey,
  type LearnerCourse,
  type LearnerEnrollment,
  type LearnerEnrollmentChange,
} from '../domain/learner-enrollment';
import type { LearnerEnrollmentRepository } from '../ports/learner-enrollment.repository';
import { LEARNER_ENROLLMENT_MODEL, type LearnerEnrollmentDocument } from './learner-enrollment.schema';

/** How the projection takes a batch of enrollment changes (see applyVersionedBatch). */
const ENROLLMENT_BATCH: VersionedBatchPlan<
  LearnerEnrollmentChange,
  LearnerEnrollmentChange,
  LearnerEnrollmentDocument
> = {
  what: 'Learner enrollments',
  keyOf: (change) => learnerEnrollmentKey(change.tenantId, change.enrollmentId),
  fold: foldNewestState,
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...toFields(write) }),
  // Every event carries the whole state: the write sets every field but the key's.
  toSet: (write) => {
    const { tenantId: _tenantId, enrollmentId: _enrollmentId, ...fields } = toFields(write);
    return fields;
  },
};

@Injectable()
export class MongoLearnerEnrollmentRepository implements LearnerEnrollmentRepository {
  constructor(
    @InjectModel(LEARNER_ENROLLMENT_MODEL) private readonly model: Model<LearnerEnrollmentDocument>,
  ) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<LearnerEnrollmentDocument> {
    return this.model.collection as unknown as mongo.Collection<LearnerEnrollmentDocument>;
  }

  /**
   * Read, decide, write, without a scan on either engine (applyVersionedBatch): per enrollment,
   * the newest change of the batch if it is newer than what is stored, written by a
   * compare-and-set on the version read.
   */
  applyMany(changes: readonly LearnerEnrollmentChange[]): Promise<ProjectionOutcome[]> {
    return applyVersionedBatch(this.collection(), changes, ENROLLMENT_BATCH);
  }

  async findLive(tenantId: string, pairs: readonly LearnerCourse[]): Promise<LearnerEnrollment[]> {
    if (pairs.length === 0) return [];
    const userIds = [...new Set(pairs.map((pair) => pair.userId))];
    const courseIds = [...new Set(pairs.map((pair) => pair.courseId))];
    // Once per page of recommendations: MongoDB serves it from the (tenant, user, course, live)
    // index; the local stand-in scans the projection. The `$in` lists are built here from the
    // page's own values, never from a request's objects.
    const docs = await this.model
      .find({
        tenantId,
        userId: trusted({ $in: userIds }),
        courseId: trusted({ $in: courseIds }),
        live: true,
      })
      .lean<LearnerEnrollmentDocument[]>()
      .exec();
    const wanted = new Set(pairs.map((pair) => `${pair.userId}\u0000${pair.courseId}`));
    return docs
      .filter((doc) => doc.tenantId === tenantId && wanted.has(`${doc.userId}\u0000${doc.courseId}`))
      .map(toLearnerEnrollment);
  }
}

/** The stored fields of an enrollment, a copy of what the change carries. */
function toFields(enrollment: LearnerEnrollment): Omit<LearnerEnrollmentDocument, '_id'> {
  const { tenantId, enrollmentId, userId, courseId, state, live, version } = enrollment;
  return {
    tenantId,
    enrollmentId,
    userId,
    courseId,
    state,
    live,
    version,
    updatedAt: new Date(enrollment.updatedAt),
  };
}

function toLearnerEnrollment(doc: LearnerEnrollmentDocument): LearnerEnrollment {
  return {
    tenantId: doc.tenantId,
    enrollmentId: doc.enrollmentId,
    userId: doc.userId,
    courseId: doc.courseId,
    state: doc.state,
    live: doc.live,
    version: doc.version,
    updatedAt: new Date(doc.updatedAt),
  };
}
