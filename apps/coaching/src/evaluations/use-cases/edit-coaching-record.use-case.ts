import { Inject, Injectable } from '@nestjs/common';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import {
  checkContent,
  editRecord,
  patchedContent,
  sameContent,
  type CoachingRecord,
  type RecordContents,
  type RecordKind,
} from '../domain/coaching-record';
import { recordInvalid } from '../evaluations.errors';
import {
  COACHING_RECORD_REPOSITORY,
  type CoachingRecordRepository,
} from '../ports/coaching-record.repository';
import { MenteeRelations } from './mentee-relations';
import { openRecord, type RecordTarget } from './open-record';

export interface EditCoachingRecordCommand<K extends RecordKind> extends RecordTarget<K> {
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
  /** The fields to change; those absent are kept. */
  patch: Partial<RecordContents[K]>;
}

/**
 * CO-W3: a coach of the mentee now, or one of its managers, edits an evaluation or a coaching
 * session about it, whoever wrote it; decided on the record read, written by compare-and-set,
 * decided again on fresh state when another writer won the race.
 */
@Injectable()
export class EditCoachingRecordUseCase {
  constructor(
    @Inject(COACHING_RECORD_REPOSITORY) private readonly records: CoachingRecordRepository,
    private readonly relations: MenteeRelations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute<K extends RecordKind>(command: EditCoachingRecordCommand<K>): Promise<CoachingRecord<K>> {
    const { tenantId, kind } = command;
    return withOptimisticRetry<CoachingRecord<K>>(async () => {
      const record = await openRecord(this.records, this.relations, command, 'write');
      assertExpectedVersion(command.expectedVersion, record.version);
      const checked = checkContent(kind, patchedContent(record, command.patch));
      if (!checked.ok) throw recordInvalid(kind, checked.reason);
      if (sameContent<K>(record.content, checked.content)) return { outcome: 'written', value: record };
      const next = editRecord(record, checked.content, this.clock.now());
      if (!(await this.records.save(tenantId, next, record.version))) return { outcome: 'stale' };
      return { outcome: 'written', value: next };
    });
  }
}
