import type { RefreshToken } from '../auth/domain/refresh-token';
import type { RefreshTokenRepository } from '../auth/ports/refresh-token.repository';
import type { WriteOutcome } from '@lms/kernel';

export class InMemoryRefreshTokenRepository implements RefreshTokenRepository {
  private readonly rows = new Map<string, RefreshToken>();

  async findByHash(hash: string): Promise<RefreshToken | null> {
    const row = this.rows.get(hash);
    return row ? structuredClone(row) : null;
  }

  async insert(token: RefreshToken): Promise<void> {
    if (this.rows.has(token.hash)) throw new Error(`duplicate refresh token ${token.hash}`);
    this.rows.set(token.hash, structuredClone(token));
  }

  async update(token: RefreshToken, expectedVersion: number): Promise<WriteOutcome> {
    if (this.rows.get(token.hash)?.version !== expectedVersion) return 'stale';
    this.rows.set(token.hash, structuredClone(token));
    return 'written';
  }
}
