import { normalizeEmail } from '@lms/kernel';
import {
  foldRecipientChanges,
  recipientKey,
  type ProjectionOutcome,
  type Recipient,
  type RecipientChange,
  type RecipientState,
} from '../recipients/domain/recipient';
import type { RecipientRepository } from '../recipients/ports/recipient.repository';

/** The recipient projection in memory, with the same version rule as the Mongo one. */
export class InMemoryRecipientRepository implements RecipientRepository {
  private readonly rows = new Map<string, Recipient>();

  async applyMany(changes: readonly RecipientChange[]): Promise<ProjectionOutcome[]> {
    const outcomes: ProjectionOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) => {
      const key = recipientKey(change.tenantId, change.userId);
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    for (const [key, indexes] of byKey) {
      const existing = this.rows.get(key);
      const fold = foldRecipientChanges(
        existing?.version ?? null,
        indexes.map((i) => changes[i] as RecipientChange),
      );
      indexes.forEach((i, n) => (outcomes[i] = fold.newer[n] ? 'applied' : 'stale'));
      if (fold.write) this.rows.set(key, applied(existing, fold.write));
    }
    return outcomes;
  }

  async applyState(tenantId: string, state: RecipientState, version: number): Promise<boolean> {
    const [outcome] = await this.applyMany([{ tenantId, userId: state.userId, version, state }]);
    return outcome === 'applied';
  }

  async applyDeletion(tenantId: string, userId: string, version: number): Promise<boolean> {
    const [outcome] = await this.applyMany([{ tenantId, userId, version, state: null }]);
    return outcome === 'applied';
  }

  async find(tenantId: string, userId: string): Promise<Recipient | null> {
    const row = this.rows.get(recipientKey(tenantId, userId));
    return row ? copyOf(row) : null;
  }

  async findMany(tenantId: string, userIds: readonly string[]): Promise<Recipient[]> {
    return [...new Set(userIds)].flatMap((id) => {
      const row = this.rows.get(recipientKey(tenantId, id));
      return row ? [copyOf(row)] : [];
    });
  }

  async findByEmails(tenantId: string, emails: readonly string[]): Promise<Recipient[]> {
    const wanted = new Set(emails.map(normalizeEmail));
    return [...this.rows.values()]
      .filter(
        (row) =>
          row.tenantId === tenantId &&
          !row.deleted &&
          row.email !== null &&
          wanted.has(normalizeEmail(row.email)),
      )
      .map(copyOf);
  }
}

function applied(existing: Recipient | undefined, change: RecipientChange): Recipient {
  const base = { tenantId: change.tenantId, userId: change.userId, version: change.version };
  const state = change.state;
  if (!state) {
    return {
      ...base,
      email: null,
      firstName: null,
      lastName: null,
      locale: existing?.locale ?? 'en',
      timezone: existing?.timezone ?? null,
      state: null,
      expiresAt: null,
      deleted: true,
    };
  }
  return {
    ...base,
    email: state.email,
    firstName: state.firstName,
    lastName: state.lastName,
    locale: state.locale,
    timezone: state.timezone,
    state: state.state,
    expiresAt: state.expiresAt ? new Date(state.expiresAt) : null,
    deleted: false,
  };
}

/** A copy the caller cannot change the stored row through (its date included). */
function copyOf(row: Recipient): Recipient {
  return { ...row, expiresAt: row.expiresAt ? new Date(row.expiresAt) : null };
}
