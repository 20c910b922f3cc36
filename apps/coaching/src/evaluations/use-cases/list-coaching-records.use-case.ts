import { Inject, Injectable } from '@nestjs/common';
import { emptyPage, type Page, type PageRequest } from '@lms/kernel';
import type { CoachingRecord, RecordKind } from '../domain/coaching-record';
import {
  listNeedsRelation,
  listScope,
  NO_RELATION,
  type RecordActor,
  type RequestedRecords,
} from '../domain/record-access';
import {
  COACHING_RECORD_REPOSITORY,
  type CoachingRecordRepository,
} from '../ports/coaching-record.repository';
import { MenteeRelations } from './mentee-relations';

/**
 * CO-W3: the evaluations or coaching sessions the actor may read, newest first, filtered by
 * mentee and author; what it may not read is left out, never refused.
 */
@Injectable()
export class ListCoachingRecordsUseCase {
  constructor(
    @Inject(COACHING_RECORD_REPOSITORY) private readonly records: CoachingRecordRepository,
    private readonly relations: MenteeRelations,
  ) {}

  async execute<K extends RecordKind>(query: {
    tenantId: string;
    kind: K;
    actor: RecordActor;
    filter: RequestedRecords;
    page: PageRequest;
  }): Promise<Page<CoachingRecord<K>>> {
    const { tenantId, kind, actor, filter, page } = query;
    const relation =
      filter.menteeId !== undefined && listNeedsRelation(actor, filter)
        ? await this.relations.of(tenantId, actor.userId, filter.menteeId)
        : NO_RELATION;
    const scope = listScope(actor, filter, relation);
    if (scope === null) return emptyPage(page);
    return this.records.list(tenantId, kind, scope, page);
  }
}
