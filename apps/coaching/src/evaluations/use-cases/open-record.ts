import type { CoachingRecord, RecordKind } from '../domain/coaching-record';
import {
  decideReading,
  decideWriting,
  NO_RELATION,
  type MenteeRelation,
  type RecordActor,
  type RecordDecision,
} from '../domain/record-access';
import { recordNotFound, recordRefused } from '../evaluations.errors';
import type { CoachingRecordRepository } from '../ports/coaching-record.repository';
import type { MenteeRelations } from './mentee-relations';

/** Which record of which kind an actor reads or writes. */
export interface RecordTarget<K extends RecordKind> {
  tenantId: string;
  kind: K;
  id: string;
  actor: RecordActor;
}

/**
 * The record `actor` reads or writes, once the rules allow it: a record unknown to the tenant
 * (another tenant's, the other kind's, or deleted) is not found (404) before anyone's rights
 * are weighed; a refusal is 403. The actor's relation to the mentee is looked up only when
 * nothing else decides.
 */
export async function openRecord<K extends RecordKind>(
  records: CoachingRecordRepository,
  relations: MenteeRelations,
  target: RecordTarget<K>,
  purpose: 'read' | 'write',
): Promise<CoachingRecord<K>> {
  const { tenantId, kind, id, actor } = target;
  const record = await records.findById(tenantId, kind, id);
  if (!record) throw recordNotFound(kind, id);
  const decide = (relation: MenteeRelation): RecordDecision =>
    purpose === 'read' ? decideReading(actor, record, relation) : decideWriting(actor, relation);
  let decision = decide(NO_RELATION);
  if (!decision.allowed) decision = decide(await relations.of(tenantId, actor.userId, record.menteeId));
  if (!decision.allowed) throw recordRefused(kind, decision.refusal, record.menteeId);
  return record;
}
