import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { PlanEnrollment } from '../domain/plan-enrollment';
import type { PlanEnrollmentRepository, PlanEnrollmentWithEvents } from '../ports/plan-enrollment.repository';
import { PLAN_ENROLLMENT_MODEL, type PlanEnrollmentDocument } from './plan-enrollment.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;
/** Creation order: the ids are time-ordered. */
const IN_CREATION_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoPlanEnrollmentRepository implements PlanEnrollmentRepository {
  constructor(
    @InjectModel(PLAN_ENROLLMENT_MODEL) private readonly model: Model<PlanEnrollmentDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async insert({ planEnrollment, outbox }: PlanEnrollmentWithEvents): Promise<boolean> {
    try {
      await this.model.create({ ...toDocument(planEnrollment), outbox: [...outbox] });
    } catch (error) {
      // The `plan_enrollment_key` index: the learner is enrolled in the plan already.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    this.published(planEnrollment.id, outbox);
    return true;
  }

  async findOf(tenantId: string, planId: string, userId: string): Promise<PlanEnrollment | null> {
    // Exactly the fields of the `plan_enrollment_key` unique index.
    const doc = await this.model
      .findOne({ tenantId, planId, userId }, WITHOUT_OUTBOX)
      .lean<PlanEnrollmentDocument>()
      .exec();
    return doc ? toPlanEnrollment(doc) : null;
  }

  listOfPlan(tenantId: string, planId: string, page: PageRequest): Promise<Page<PlanEnrollment>> {
    return findPage(
      this.model.find({ tenantId, planId }, WITHOUT_OUTBOX),
      IN_CREATION_ORDER,
      page,
      toPlanEnrollment,
    );
  }

  listOfUser(tenantId: string, userId: string, page: PageRequest): Promise<Page<PlanEnrollment>> {
    return findPage(
      this.model.find({ tenantId, userId }, WITHOUT_OUTBOX),
      IN_CREATION_ORDER,
      page,
      toPlanEnrollment,
    );
  }

  async anyOfPlan(tenantId: string, planId: string): Promise<boolean> {
    // A cold path (a plan's change of courses, its deletion): the stand-in scans.
    return (await this.model.exists({ tenantId, planId }).exec()) !== null;
  }

  async save(
    tenantId: string,
    { planEnrollment, outbox }: PlanEnrollmentWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const { state, updatedAt, version } = planEnrollment;
    const written = await writeIfVersion(
      this.model,
      { _id: planEnrollment.id, tenantId, version: expectedVersion },
      { state, updatedAt, version },
      outbox,
    );
    if (written) this.published(planEnrollment.id, outbox);
    return written;
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(enrollment: PlanEnrollment): Omit<PlanEnrollmentDocument, 'outbox'> {
  return {
    _id: enrollment.id,
    tenantId: enrollment.tenantId,
    planId: enrollment.planId,
    userId: enrollment.userId,
    courseIds: [...enrollment.courseIds],
    state: enrollment.state,
    createdAt: enrollment.createdAt,
    updatedAt: enrollment.updatedAt,
    version: enrollment.version,
  };
}

function toPlanEnrollment(doc: PlanEnrollmentDocument): PlanEnrollment {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    planId: doc.planId,
    userId: doc.userId,
    courseIds: [...(doc.courseIds ?? [])],
    state: doc.state,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
