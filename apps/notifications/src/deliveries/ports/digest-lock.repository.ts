import type { Delivery } from '../domain/delivery';

export const DIGEST_LOCK_REPOSITORY = Symbol('DIGEST_LOCK_REPOSITORY');

/** One digest key of one tenant: the mails of one recipient that may go out together. */
export interface DigestKeyRef {
  tenantId: string;
  digestKey: string;
}

/** A digest decided and not yet applied: the digest mail and the deliveries it stands for. */
export interface DigestPlan {
  digest: Delivery;
  memberIds: string[];
}

/** Proof of holding a key's lock, presented by every later write; `plan` as the lock held it. */
export interface HeldDigestLock extends DigestKeyRef {
  owner: string;
  version: number;
  plan: DigestPlan | null;
}

/**
 * One lock per digest key: only its holder decides what becomes of the key's waiting mails,
 * so that a digest is formed once with several instances. The plan is written before it is
 * applied, so that whoever takes the lock over after a crash applies the same digest.
 */
export interface DigestLockRepository {
  /** Takes the key's lock until `leaseUntil` unless another holder's lease still runs; null then. */
  acquire(ref: DigestKeyRef, owner: string, now: Date, leaseUntil: Date): Promise<HeldDigestLock | null>;
  /** Records the plan while the lock holds; null when it does not any more (nothing written). */
  stage(lock: HeldDigestLock, plan: DigestPlan): Promise<HeldDigestLock | null>;
  /** Clears the plan and frees the lock, while it holds; false when it did not. */
  release(lock: HeldDigestLock): Promise<boolean>;
}
