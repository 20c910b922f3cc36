import type { Recipient, RecipientState } from '../recipients/domain/recipient';
import type { RecipientRepository } from '../recipients/ports/recipient.repository';

/** The recipient projection in memory, with the same version rule as the Mongo one. */
export class InMemoryRecipientRepository implements RecipientRepository {
  private readonly rows = new Map<string, Recipient>();

  async applyState(tenantId: string, state: RecipientState, version: number): Promise<boolean> {
    return this.upsertIfNewer(tenantId, state.userId, version, { ...state, deleted: false });
  }

  async applyDeletion(tenantId: string, userId: string, version: number): Promise<boolean> {
    return this.upsertIfNewer(tenantId, userId, version, {
      email: null,
      firstName: null,
      lastName: null,
      state: null,
      deleted: true,
    });
  }

  async find(tenantId: string, userId: string): Promise<Recipient | null> {
    const row = this.rows.get(key(tenantId, userId));
    return row ? { ...row } : null;
  }

  async findMany(tenantId: string, userIds: readonly string[]): Promise<Recipient[]> {
    return userIds.flatMap((id) => {
      const row = this.rows.get(key(tenantId, id));
      return row ? [{ ...row }] : [];
    });
  }

  private upsertIfNewer(
    tenantId: string,
    userId: string,
    version: number,
    fields: Partial<Recipient>,
  ): boolean {
    const existing = this.rows.get(key(tenantId, userId));
    if (existing && existing.version >= version) return false;
    const base: Recipient = existing ?? {
      tenantId,
      userId,
      email: null,
      firstName: null,
      lastName: null,
      locale: 'en',
      state: null,
      deleted: false,
      version,
    };
    this.rows.set(key(tenantId, userId), { ...base, ...fields, tenantId, userId, version });
    return true;
  }
}

function key(tenantId: string, userId: string): string {
  return `${tenantId}/${userId}`;
}
