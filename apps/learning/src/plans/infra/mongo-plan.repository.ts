import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { Plan } from '../domain/plan';
import type { PlanRepository } from '../ports/plan.repository';
import { PLAN_MODEL, type PlanDocument } from './plan.schema';

/** Creation order: the ids are time-ordered. */
const IN_CREATION_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoPlanRepository implements PlanRepository {
  constructor(@InjectModel(PLAN_MODEL) private readonly model: Model<PlanDocument>) {}

  async insert(plan: Plan): Promise<void> {
    await this.model.create(toDocument(plan));
  }

  async findById(tenantId: string, id: string): Promise<Plan | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }).lean<PlanDocument>().exec();
    return doc && doc.tenantId === tenantId ? toPlan(doc) : null;
  }

  list(tenantId: string, page: PageRequest): Promise<Page<Plan>> {
    return findPage(this.model.find({ tenantId }), IN_CREATION_ORDER, page, toPlan);
  }

  async save(tenantId: string, changed: Plan, expectedVersion: number): Promise<boolean> {
    const { title, description, courseIds, updatedAt, version } = toDocument(changed);
    // Exactly the fields of the `plan_version` unique index.
    const result = await this.model
      .updateOne(
        { _id: changed.id, tenantId, version: expectedVersion },
        { $set: { title, description, courseIds, updatedAt, version } },
      )
      .exec();
    return result.matchedCount > 0;
  }

  async delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: id, tenantId, version: expectedVersion }).exec();
    return result.deletedCount > 0;
  }
}

function toDocument(plan: Plan): PlanDocument {
  return {
    _id: plan.id,
    tenantId: plan.tenantId,
    title: plan.title,
    description: plan.description,
    courseIds: [...plan.courseIds],
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    version: plan.version,
  };
}

function toPlan(doc: PlanDocument): Plan {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    title: doc.title,
    description: doc.description ?? null,
    courseIds: [...(doc.courseIds ?? [])],
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
