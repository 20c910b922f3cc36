import type {
  DigestKeyRef,
  DigestLockRepository,
  DigestPlan,
  HeldDigestLock,
} from '../deliveries/ports/digest-lock.repository';

interface Row {
  version: number;
  lockedUntil: Date;
  plan: DigestPlan | null;
}

/** Digest locks in memory, with the compare-and-set rules of the Mongo repository. */
export class InMemoryDigestLockRepository implements DigestLockRepository {
  private readonly rows = new Map<string, Row>();

  async acquire(
    ref: DigestKeyRef,
    owner: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<HeldDigestLock | null> {
    const key = keyOf(ref);
    const row = this.rows.get(key) ?? { version: 0, lockedUntil: new Date(0), plan: null };
    if (row.lockedUntil.getTime() > now.getTime()) return null;
    const taken = { version: row.version + 1, lockedUntil: leaseUntil, plan: row.plan };
    this.rows.set(key, taken);
    return { ...ref, owner, version: taken.version, plan: structuredClone(taken.plan) };
  }

  async stage(lock: HeldDigestLock, plan: DigestPlan): Promise<HeldDigestLock | null> {
    const row = this.held(lock);
    if (!row) return null;
    row.version += 1;
    row.plan = structuredClone(plan);
    return { ...lock, version: row.version, plan: structuredClone(plan) };
  }

  async release(lock: HeldDigestLock): Promise<boolean> {
    const row = this.held(lock);
    if (!row) return false;
    this.rows.set(keyOf(lock), { version: row.version + 1, lockedUntil: new Date(0), plan: null });
    return true;
  }

  private held(lock: HeldDigestLock): Row | undefined {
    const row = this.rows.get(keyOf(lock));
    return row?.version === lock.version ? row : undefined;
  }
}

function keyOf(ref: DigestKeyRef): string {
  return `${ref.tenantId}\u0000${ref.digestKey}`;
}
