import {
  currentOf,
  foldProfileDefinitions,
  profileRightsKey,
  type ProfileRights,
} from '../users/domain/permission-profile-rights';
import type { ProfileRightsRepository } from '../users/ports/profile-rights.repository';

/** Permission profiles' rights in memory, with the same version rule as the Mongo projection. */
export class InMemoryProfileRightsRepository implements ProfileRightsRepository {
  private readonly rows = new Map<string, ProfileRights>();

  async applyMany(definitions: readonly ProfileRights[]): Promise<void> {
    const byKey = new Map<string, ProfileRights[]>();
    for (const definition of definitions) {
      const key = profileRightsKey(definition);
      byKey.set(key, [...(byKey.get(key) ?? []), definition]);
    }
    for (const [key, list] of byKey) {
      const { write } = foldProfileDefinitions(this.rows.get(key)?.version ?? null, list);
      if (write) this.rows.set(key, structuredClone(write));
    }
  }

  async rightsOf(tenantId: string, name: string): Promise<string[] | null> {
    const current = currentOf(
      [...this.rows.values()].filter((p) => p.tenantId === tenantId && p.name === name),
    );
    return current === null ? null : [...current.rights];
  }
}
