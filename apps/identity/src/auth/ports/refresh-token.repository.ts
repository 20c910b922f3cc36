import type { RefreshToken } from '../domain/refresh-token';
import type { WriteOutcome } from '@lms/kernel';

/**
 * Refresh tokens by their SHA-256. A token is found by its hash alone: the token is the
 * credential, and its tenant is the one it was issued in.
 */
export interface RefreshTokenRepository {
  findByHash(hash: string): Promise<RefreshToken | null>;
  insert(token: RefreshToken): Promise<void>;
  /**
   * Writes the token's new state if its stored version is still `expectedVersion`; `stale`
   * when another refresh spent it first.
   */
  update(token: RefreshToken, expectedVersion: number): Promise<WriteOutcome>;
}

export const REFRESH_TOKEN_REPOSITORY = Symbol('REFRESH_TOKEN_REPOSITORY');
