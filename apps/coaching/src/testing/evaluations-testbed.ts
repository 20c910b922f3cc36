import type { RecordActor } from '../evaluations/domain/record-access';
import type { ManagedUsers } from '../evaluations/ports/managed-users';
import { CreateCoachingRecordUseCase } from '../evaluations/use-cases/create-coaching-record.use-case';
import { DeleteCoachingRecordUseCase } from '../evaluations/use-cases/delete-coaching-record.use-case';
import { EditCoachingRecordUseCase } from '../evaluations/use-cases/edit-coaching-record.use-case';
import { GetCoachingRecordUseCase } from '../evaluations/use-cases/get-coaching-record.use-case';
import { ListCoachingRecordsUseCase } from '../evaluations/use-cases/list-coaching-records.use-case';
import { MenteeRelations } from '../evaluations/use-cases/mentee-relations';
import { TENANT } from './coaching-testbed';
import { buildDiscussionsTestbed } from './discussions-testbed';
import { InMemoryCoachingRecordRepository } from './in-memory-coaching-record.repository';

/** Who manages whom, as a test says: nobody until told (as in production until units and teams exist). */
export class GivenManagedUsers implements ManagedUsers {
  private readonly pairs = new Set<string>();

  manage(managerId: string, userId: string, tenantId = TENANT): void {
    this.pairs.add(`${tenantId}:${managerId}:${userId}`);
  }

  async manages(tenantId: string, managerId: string, userId: string): Promise<boolean> {
    return this.pairs.has(`${tenantId}:${managerId}:${userId}`);
  }
}

/** A signed-in caller of the tenant: a plain user unless given administrative roles or a level. */
export function anActor(
  userId: string | null,
  options: { roles?: string[]; level?: string; tenantId?: string } = {},
): RecordActor {
  return {
    tenantId: options.tenantId ?? TENANT,
    userId,
    level: options.level ?? 'user',
    roles: options.roles ?? [],
  };
}

/**
 * The evaluations' and coaching sessions' use cases (CO-W3), over in-memory assignments and
 * records, managers as the test says, and a fixed clock.
 */
export function buildEvaluationsTestbed(options: { now?: string } = {}) {
  const { clock, assignments, givenAssignment } = buildDiscussionsTestbed(options);
  const records = new InMemoryCoachingRecordRepository();
  const managedUsers = new GivenManagedUsers();
  const relations = new MenteeRelations(assignments, managedUsers);

  return {
    clock,
    assignments,
    records,
    managedUsers,
    givenAssignment,
    createRecord: new CreateCoachingRecordUseCase(records, relations, clock),
    getRecord: new GetCoachingRecordUseCase(records, relations),
    listRecords: new ListCoachingRecordsUseCase(records, relations),
    editRecord: new EditCoachingRecordUseCase(records, relations, clock),
    deleteRecord: new DeleteCoachingRecordUseCase(records, relations),
  };
}

export type EvaluationsTestbed = ReturnType<typeof buildEvaluationsTestbed>;
