import type { SigningKey } from '../domain/signing-key';

/**
 * The installation's signing keys. They belong to no tenant: every tenant's tokens are
 * signed and verified with the same key set. A handful of documents, read whole.
 */
export interface SigningKeyRepository {
  list(): Promise<SigningKey[]>;
  insert(key: SigningKey): Promise<void>;
  /** Marks every key but `kid` retired at `at`, unless already retired. */
  retireAllBut(kid: string, at: Date): Promise<void>;
}

export const SIGNING_KEY_REPOSITORY = Symbol('SIGNING_KEY_REPOSITORY');
