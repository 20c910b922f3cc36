import { AccessTokenVerifier } from '@lms/service-kit';
import { TestTokenAuthority } from '@lms/service-testing';
import { JwtAuthenticator } from './jwt.authenticator';

const ISSUER = 'coaching-platform-identity';
const principal = { tenantId: 'tenant-a', userId: 'user-1', level: 'user', roles: [] };

describe('JwtAuthenticator', () => {
  let authority: TestTokenAuthority;
  let authenticator: JwtAuthenticator;

  beforeAll(async () => {
    authority = await TestTokenAuthority.create(ISSUER);
    const verifier = new AccessTokenVerifier(
      { issuer: ISSUER, jwksUrl: 'http://identity.test/jwks.json' },
      authority.keys,
    );
    authenticator = new JwtAuthenticator(verifier);
  });

  it('given no Authorization header, then the call goes on as anonymous', async () => {
    await expect(authenticator.authenticate({ authorization: undefined })).resolves.toEqual({
      status: 'anonymous',
    });
  });

  it('given a valid bearer token, then the caller is its principal', async () => {
    const token = await authority.issue(principal);
    await expect(authenticator.authenticate({ authorization: `Bearer ${token}` })).resolves.toEqual({
      status: 'authenticated',
      principal,
    });
  });

  it('given another scheme, or a token that fails verification, then the call is rejected', async () => {
    const stranger = await TestTokenAuthority.create(ISSUER);
    const forged = await stranger.issue(principal);

    expect((await authenticator.authenticate({ authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(
      'rejected',
    );
    expect((await authenticator.authenticate({ authorization: `Bearer ${forged}` })).status).toBe('rejected');
  });
});
