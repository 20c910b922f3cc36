import { Argon2PasswordHasher } from './argon2-password-hasher';

describe('Argon2PasswordHasher', () => {
  const hasher = new Argon2PasswordHasher();

  it('hashes with argon2id and a salt of its own, and verifies only the right password', async () => {
    const [first, second] = [await hasher.hash('correct horse'), await hasher.hash('correct horse')];

    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    await expect(hasher.verify(first, 'correct horse')).resolves.toBe(true);
    await expect(hasher.verify(first, 'Correct horse')).resolves.toBe(false);
  });

  it('answers false for a hash it cannot read', async () => {
    await expect(hasher.verify('not-a-hash', 'x')).resolves.toBe(false);
  });
});
