import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACCESS_TOKEN_AUDIENCE, AccessTokenVerifier, bearerToken } from './access-token';

const ISSUER = 'https://identity.example.test';

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' } };
}

function sign(
  key: SigningKey,
  claims: Record<string, unknown>,
  options: { expiresIn?: string; issuer?: string; audience?: string } = {},
) {
  return new SignJWT({ tid: 'tenant-a', lvl: 'user', roles: ['application_admin'], ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .setSubject('user-1')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key.privateKey);
}

describe('AccessTokenVerifier', () => {
  let current: SigningKey;
  let verifier: AccessTokenVerifier;

  beforeAll(async () => {
    current = await signingKey('key-1');
    verifier = new AccessTokenVerifier(
      { issuer: ISSUER, jwksUrl: `${ISSUER}/jwks.json` },
      createLocalJWKSet({ keys: [current.publicJwk] }),
    );
  });

  it('given a valid token, then the principal carries its tenant, user, level and roles', async () => {
    await expect(verifier.verify(await sign(current, {}))).resolves.toEqual({
      tenantId: 'tenant-a',
      userId: 'user-1',
      level: 'user',
      roles: ['application_admin'],
    });
  });

  it.each([
    ['expired', { expiresIn: '-1m' }],
    ['of another issuer', { issuer: 'https://elsewhere.example.test' }],
    ['for another audience', { audience: 'another-app' }],
  ])('given a token %s, then there is no principal', async (_case, options) => {
    await expect(verifier.verify(await sign(current, {}, options))).resolves.toBeNull();
  });

  it('given a token signed by an unknown key, or altered, or without a tenant, then there is no principal', async () => {
    const stranger = await signingKey('key-1');
    await expect(verifier.verify(await sign(stranger, {}))).resolves.toBeNull();

    const [header, , signature] = (await sign(current, {})).split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: 'user-1', tid: 'tenant-b', exp: 9_999_999_999 }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${forgedPayload}.${signature}`)).resolves.toBeNull();

    await expect(verifier.verify(await sign(current, { tid: undefined }))).resolves.toBeNull();
  });

  it('reads a bearer token from the Authorization header only in its exact form', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken(['bearer abc.def.ghi'])).toBe('abc.def.ghi');
    expect(bearerToken('Basic dXNlcg==')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe("AccessTokenVerifier with the issuer's published key set", () => {
  let published: JWK[] = [];
  let server: Server;
  let url: string;

  async function listen(port = 0): Promise<void> {
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  }
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));

  afterEach(async () => {
    if (server.listening) await close();
  });

  it('given the issuer down after the first fetch, then tokens of the keys it held still verify', async () => {
    const key = await signingKey('key-1');
    published = [key.publicJwk];
    await listen();
    const verifier = new AccessTokenVerifier({ issuer: ISSUER, jwksUrl: url });
    expect(await verifier.verify(await sign(key, {}))).not.toBeNull();

    await close();
    expect(await verifier.verify(await sign(key, {}))).not.toBeNull();
  });

  it('given a rotated key, then the first token signed with it makes the verifier fetch the set again', async () => {
    const [old, rotated] = [await signingKey('key-1'), await signingKey('key-2')];
    published = [old.publicJwk];
    await listen();
    const verifier = new AccessTokenVerifier({ issuer: ISSUER, jwksUrl: url, refetchCooldownMs: 0 });
    expect(await verifier.verify(await sign(old, {}))).not.toBeNull();

    published = [old.publicJwk, rotated.publicJwk];
    expect(await verifier.verify(await sign(rotated, {}))).not.toBeNull();
    expect(await verifier.verify(await sign(old, {}))).not.toBeNull();
  });
});
