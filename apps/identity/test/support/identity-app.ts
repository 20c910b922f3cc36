import type { Principal } from '@lms/service-kit';
import { startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import { SigningKeyRing } from '../../src/auth/use-cases/signing-key-ring';

/**
 * Identity started as `main.ts` starts it, against the real broker and database, and called
 * with tokens its own key ring signs: identity verifies with that key ring, not a test
 * authority's. Call it after the test file isolated its environment.
 */
export async function startIdentity(
  caller: Partial<Principal> & { tenantId: string },
  userIdWhenNone = 'test-caller',
): Promise<ServiceTestApp> {
  const { AppModule } = await import('../../src/app.module');
  return startServiceApp(AppModule, {
    globalPrefix: 'v1',
    caller,
    issueToken: async (app, principal) =>
      (await app.get(SigningKeyRing).issue({ ...principal, userId: principal.userId ?? userIdWhenNone }))
        .accessToken,
  });
}
