import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { CoachLearnerLink, CoachLearnerLinkRepository } from '../ports/coach-learner-link.repository';
import {
  COACH_LEARNER_LINK_MODEL,
  coachLearnerLinkKey,
  type CoachLearnerLinkDocument,
} from './coach-profile.schema';

@Injectable()
export class MongoCoachLearnerLinkRepository implements CoachLearnerLinkRepository {
  constructor(
    @InjectModel(COACH_LEARNER_LINK_MODEL) private readonly model: Model<CoachLearnerLinkDocument>,
  ) {}

  async claim(link: CoachLearnerLink): Promise<CoachLearnerLink | null> {
    const _id = coachLearnerLinkKey(link.tenantId, link.learnerUserId);
    try {
      await this.model.create({ _id, ...link });
      return null;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // By `_id` alone: served from its index on both engines.
    const held = await this.model.findOne({ _id }).lean<CoachLearnerLinkDocument>().exec();
    if (!held) return this.claim(link);
    if (held.coachId === link.coachId) return null;
    return {
      tenantId: held.tenantId,
      learnerUserId: held.learnerUserId,
      coachId: held.coachId,
      claimedAt: new Date(held.claimedAt),
    };
  }

  async takeOver(link: CoachLearnerLink, from: string): Promise<boolean> {
    // Exactly the fields of the `link_holder` unique index.
    const result = await this.model
      .updateOne(
        { _id: coachLearnerLinkKey(link.tenantId, link.learnerUserId), coachId: from },
        { $set: { coachId: link.coachId, claimedAt: link.claimedAt } },
      )
      .exec();
    return result.matchedCount === 1;
  }

  async release(tenantId: string, learnerUserId: string, coachId: string): Promise<void> {
    await this.model.deleteOne({ _id: coachLearnerLinkKey(tenantId, learnerUserId), coachId }).exec();
  }
}
