import { Inject, Injectable } from '@nestjs/common';
import { assertExpectedVersion, withOptimisticRetry } from '@lms/kernel';
import type { RecordKind } from '../domain/coaching-record';
import {
  COACHING_RECORD_REPOSITORY,
  type CoachingRecordRepository,
} from '../ports/coaching-record.repository';
import { MenteeRelations } from './mentee-relations';
import { openRecord, type RecordTarget } from './open-record';

/**
 * CO-W3: a coach of the mentee now, or one of its managers, deletes an evaluation or a
 * coaching session about it, for good; only at the version read when one is given.
 */
@Injectable()
export class DeleteCoachingRecordUseCase {
  constructor(
    @Inject(COACHING_RECORD_REPOSITORY) private readonly records: CoachingRecordRepository,
    private readonly relations: MenteeRelations,
  ) {}

  async execute<K extends RecordKind>(
    command: RecordTarget<K> & { expectedVersion?: number },
  ): Promise<void> {
    await withOptimisticRetry<null>(async () => {
      const record = await openRecord(this.records, this.relations, command, 'write');
      assertExpectedVersion(command.expectedVersion, record.version);
      if (!(await this.records.delete(command.tenantId, record.id, record.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: null };
    });
  }
}
