import type { PasswordHasher } from '../auth/ports/password-hasher';

/** A fast stand-in for argon2 in unit tests: the "hash" shows the password, so tests can read it. */
export class ReversiblePasswordHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    return `plain:${password}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return hash === `plain:${password}`;
  }
}
