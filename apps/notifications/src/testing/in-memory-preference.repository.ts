import type { WriteOutcome } from '@lms/kernel';
import {
  preferencesKey,
  type MailPreferences,
  type PreferenceOwner,
} from '../preferences/domain/mail-preferences';
import type { PreferenceRepository } from '../preferences/ports/preference.repository';

/** Mail preferences in memory, with the same insert and compare-and-set rules as the Mongo repository. */
export class InMemoryPreferenceRepository implements PreferenceRepository {
  private readonly rows = new Map<string, MailPreferences>();
  /** Test view: how many reads asked for many users at once. */
  manyReads = 0;

  async find(owner: PreferenceOwner): Promise<MailPreferences | null> {
    const row = this.rows.get(preferencesKey(owner.tenantId, owner.userId));
    return row ? copyOf(row) : null;
  }

  async findMany(owners: readonly PreferenceOwner[]): Promise<MailPreferences[]> {
    if (owners.length === 0) return [];
    this.manyReads += 1;
    const keys = new Set(owners.map((owner) => preferencesKey(owner.tenantId, owner.userId)));
    return [...keys].flatMap((key) => {
      const row = this.rows.get(key);
      return row ? [copyOf(row)] : [];
    });
  }

  async insert(preferences: MailPreferences): Promise<WriteOutcome> {
    const key = preferencesKey(preferences.tenantId, preferences.userId);
    if (this.rows.has(key)) return 'stale';
    this.rows.set(key, copyOf(preferences));
    return 'written';
  }

  async update(preferences: MailPreferences, expectedVersion: number): Promise<WriteOutcome> {
    const key = preferencesKey(preferences.tenantId, preferences.userId);
    if (this.rows.get(key)?.version !== expectedVersion) return 'stale';
    this.rows.set(key, copyOf(preferences));
    return 'written';
  }
}

function copyOf(row: MailPreferences): MailPreferences {
  return structuredClone(row);
}
