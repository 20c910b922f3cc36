import { createLocalJWKSet, decodeProtectedHeader, type JWK } from 'jose';
import { AccessTokenVerifier } from '@lms/service-kit';
import { FixedClock } from '@lms/testing';
import { identityConfigFrom, type IdentityConfig } from '../../config/identity.config';
import { IdentityEnv } from '../../config/identity.env';
import { InMemorySigningKeyRepository } from '../../testing/in-memory-signing-key.repository';
import { SigningKeyRing } from './signing-key-ring';

const ISSUER = 'https://identity.example.test';
const config: IdentityConfig = {
  ...identityConfigFrom(new IdentityEnv()),
  tokens: { issuer: ISSUER, accessTokenTtlSeconds: 900 },
};
const subject = { tenantId: 'tenant-a', userId: 'user-1', level: 'power_user', roles: ['application_admin'] };

describe('SigningKeyRing (ID-A1)', () => {
  // Token expiry is checked against the real time, so the clock starts now.
  let clock: FixedClock;
  let ring: SigningKeyRing;

  beforeEach(() => {
    clock = new FixedClock(new Date());
    ring = new SigningKeyRing(new InMemorySigningKeyRepository(), clock, config);
  });

  async function verifierOfPublishedKeys(): Promise<AccessTokenVerifier> {
    const { keys } = await ring.jwks();
    return new AccessTokenVerifier(
      { issuer: ISSUER, jwksUrl: `${ISSUER}/jwks.json` },
      createLocalJWKSet({ keys: keys as JWK[] }),
    );
  }

  it('given no key yet, then the first token makes one, and the published keys verify the token', async () => {
    const issued = await ring.issue(subject);

    expect(issued).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    await expect((await verifierOfPublishedKeys()).verify(issued.accessToken)).resolves.toEqual(subject);
  });

  it('publishes public keys only', async () => {
    await ring.issue(subject);
    const { keys } = await ring.jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('given a rotation, then new tokens use the new key and tokens of the old one verify until they expire', async () => {
    const before = await ring.issue(subject);
    const newKid = await ring.rotate();
    const after = await ring.issue(subject);

    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);
    expect(decodeProtectedHeader(before.accessToken).kid).not.toBe(newKid);
    const verifier = await verifierOfPublishedKeys();
    await expect(verifier.verify(before.accessToken)).resolves.toEqual(subject);
    await expect(verifier.verify(after.accessToken)).resolves.toEqual(subject);

    clock.advance(900_000);
    const { keys } = await ring.jwks();
    expect(keys.map((key) => key.kid)).toEqual([newKid]);
  });
});
