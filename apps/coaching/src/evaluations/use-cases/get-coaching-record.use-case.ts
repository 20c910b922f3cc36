import { Inject, Injectable } from '@nestjs/common';
import type { CoachingRecord, RecordKind } from '../domain/coaching-record';
import {
  COACHING_RECORD_REPOSITORY,
  type CoachingRecordRepository,
} from '../ports/coaching-record.repository';
import { MenteeRelations } from './mentee-relations';
import { openRecord, type RecordTarget } from './open-record';

/** CO-W3: one evaluation or coaching session, to those who may read it. */
@Injectable()
export class GetCoachingRecordUseCase {
  constructor(
    @Inject(COACHING_RECORD_REPOSITORY) private readonly records: CoachingRecordRepository,
    private readonly relations: MenteeRelations,
  ) {}

  execute<K extends RecordKind>(query: RecordTarget<K>): Promise<CoachingRecord<K>> {
    return openRecord(this.records, this.relations, query, 'read');
  }
}
