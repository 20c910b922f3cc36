import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import {
  checkContent,
  newRecord,
  type CoachingRecord,
  type RecordContents,
  type RecordKind,
} from '../domain/coaching-record';
import { decideWriting, type RecordActor } from '../domain/record-access';
import { recordInvalid, recordRefused } from '../evaluations.errors';
import {
  COACHING_RECORD_REPOSITORY,
  type CoachingRecordRepository,
} from '../ports/coaching-record.repository';
import { MenteeRelations } from './mentee-relations';

export interface CreateCoachingRecordCommand<K extends RecordKind> {
  tenantId: string;
  kind: K;
  /** Who writes; it becomes the record's author. */
  actor: RecordActor;
  menteeId: string;
  content: RecordContents[K];
}

/**
 * CO-W3: a coach of the mentee now, or one of its managers, writes an evaluation or a coaching
 * session about it; an administrator with no say over the mentee is refused as such.
 */
@Injectable()
export class CreateCoachingRecordUseCase {
  constructor(
    @Inject(COACHING_RECORD_REPOSITORY) private readonly records: CoachingRecordRepository,
    private readonly relations: MenteeRelations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute<K extends RecordKind>(command: CreateCoachingRecordCommand<K>): Promise<CoachingRecord<K>> {
    const { tenantId, kind, actor, menteeId } = command;
    const checked = checkContent(kind, command.content);
    if (!checked.ok) throw recordInvalid(kind, checked.reason);
    const decision = decideWriting(actor, await this.relations.of(tenantId, actor.userId, menteeId));
    if (!decision.allowed) throw recordRefused(kind, decision.refusal, menteeId);
    const now = this.clock.now();
    const record = newRecord<K>(
      // Allowed, so the author has an account.
      { tenantId, kind, menteeId, authorId: actor.userId as string, content: checked.content },
      { id: newId(now), now },
    );
    await this.records.insert(record);
    return record;
  }
}
