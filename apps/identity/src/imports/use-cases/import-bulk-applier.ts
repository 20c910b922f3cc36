import { Injectable } from '@nestjs/common';
import { DomainError } from '@lms/kernel';
import { MembershipRolesInvalidError } from '../../memberships/memberships.errors';
import {
  AddNewMembersUseCase,
  type NewMemberOutcome,
} from '../../memberships/use-cases/add-new-members.use-case';
import type { User } from '../../users/domain/user';
import { CreateUsersUseCase, type NewUserFields } from '../../users/use-cases/create-users.use-case';
import type { Import } from '../domain/import';
import type { ImportRow, UserImportLine } from '../domain/import-rows';
import { newUserFields, refusedRow } from './import-row-applier';

/** A row of the chunk taken in bulk: where it is, and its new user's fields. */
interface BulkRow {
  at: number;
  row: ImportRow;
  line: UserImportLine;
  fields: NewUserFields;
}

/**
 * The common case of a user import (ID-I1, ID-I4) applied a chunk at a time: the rows that
 * name a new user (first and last name given, the only row of its email in the chunk) have
 * their users created at once (`CreateUsersUseCase`), then those users added to their groups
 * at once, a group at a time (`AddNewMembersUseCase`): the rules and events of the single
 * changes, a few requests per chunk instead of about ten per row. A refusal of a rule refuses
 * the rows it concerns, as each would have been refused alone. Every other row is left to
 * {@link ImportRowApplier}: updates, states, managers, a user named twice in the chunk, and
 * a row whose user or membership turns out to exist (another writer, or this chunk run again
 * after a crash, which so applies nothing twice).
 */
@Injectable()
export class ImportBulkApplier {
  constructor(
    private readonly createUsers: CreateUsersUseCase,
    private readonly addNewMembers: AddNewMembersUseCase,
  ) {}

  /** The outcomes of the rows applied (or refused) here, by their position in `rows`. */
  async apply(entry: Import, rows: readonly ImportRow[]): Promise<Map<number, ImportRow>> {
    const outcomes = new Map<number, ImportRow>();
    const candidates = bulkRows(rows);
    if (candidates.length === 0) return outcomes;
    let users: Array<User | null>;
    try {
      users = await this.createUsers.execute({
        actor: entry.startedBy,
        users: candidates.map((candidate) => candidate.fields),
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const candidate of candidates) outcomes.set(candidate.at, refusedRow(candidate.row, error));
      return outcomes;
    }
    const byGroup = new Map<string, Array<BulkRow & { user: User }>>();
    for (const [index, candidate] of candidates.entries()) {
      const user = users[index];
      // A user of this email exists (created meanwhile, or by this chunk's earlier run): the row's own path.
      if (!user) continue;
      const members = byGroup.get(candidate.line.groupId) ?? [];
      members.push({ ...candidate, user });
      byGroup.set(candidate.line.groupId, members);
    }
    for (const [groupId, members] of byGroup) {
      let added: NewMemberOutcome[];
      try {
        added = await this.addNewMembers.execute({
          tenantId: entry.tenantId,
          groupId,
          actor: entry.startedBy,
          members: members.map(({ user, line }) => ({ user, roles: [line.role] })),
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        for (const member of members) outcomes.set(member.at, refusedRow(member.row, error));
        continue;
      }
      for (const [index, member] of members.entries()) {
        const outcome = added[index];
        if (outcome === 'added') outcomes.set(member.at, { ...member.row, status: 'applied' });
        else if (outcome === 'invalid-roles')
          outcomes.set(member.at, refusedRow(member.row, new MembershipRolesInvalidError()));
        // `already-member`: added meanwhile; the row's own path finds that membership.
      }
    }
    return outcomes;
  }
}

/** The valid user rows that name their user and are the only row of their email in the chunk. */
function bulkRows(rows: readonly ImportRow[]): BulkRow[] {
  const perEmail = new Map<string, number>();
  for (const row of rows) if (row.email !== null) perEmail.set(row.email, (perEmail.get(row.email) ?? 0) + 1);
  return rows.flatMap((row, at): BulkRow[] => {
    const { line } = row;
    if (row.status !== 'valid' || line?.kind !== 'users' || row.email === null) return [];
    if (perEmail.get(row.email) !== 1) return [];
    const fields = newUserFields(line);
    return fields ? [{ at, row, line, fields }] : [];
  });
}
