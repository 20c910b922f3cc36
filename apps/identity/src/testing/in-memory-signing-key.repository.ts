import type { SigningKey } from '../auth/domain/signing-key';
import type { SigningKeyRepository } from '../auth/ports/signing-key.repository';

export class InMemorySigningKeyRepository implements SigningKeyRepository {
  private readonly keys = new Map<string, SigningKey>();

  async list(): Promise<SigningKey[]> {
    return [...this.keys.values()].map((key) => ({ ...key }));
  }

  async insert(key: SigningKey): Promise<void> {
    if (this.keys.has(key.kid)) throw new Error(`duplicate key ${key.kid}`);
    this.keys.set(key.kid, { ...key });
  }

  async retireAllBut(kid: string, at: Date): Promise<void> {
    for (const key of this.keys.values()) if (key.kid !== kid && key.retiredAt === null) key.retiredAt = at;
  }
}
