import { spawn } from 'node:child_process';
import { startPlatform } from '@lms/testing';

/**
 * Starts the platform, signs in as the host tenant's System Administrator (who may call every
 * route), and runs Schemathesis over the published OpenAPI document with that token. Exits
 * with Schemathesis' code: non-zero when any answer was a server error (5xx).
 *
 *   node dist/scripts/fuzz-api.js <path to st> [extra Schemathesis options]
 */
async function main([schemathesis, ...extra]: string[]): Promise<number> {
  if (!schemathesis) throw new Error('usage: fuzz-api <path to st> [options]');
  const platform = await startPlatform({
    basePort: 13_600,
    env: {
      gateway: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000000',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000000',
      },
    },
  });
  try {
    const login = await fetch(`${platform.gatewayUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(platform.admin),
    });
    if (login.status !== 200) throw new Error(`sign-in answered ${login.status}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const args = [
      'run',
      `${platform.gatewayUrl}/api/v1/openapi.json`,
      '--checks',
      'not_a_server_error',
      '--header',
      `Authorization: Bearer ${accessToken}`,
      '--phases',
      'examples,coverage,fuzzing',
      '--max-examples',
      '25',
      '--workers',
      '2',
      '--request-timeout',
      '15',
      '--no-color',
      ...extra,
    ];
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(schemathesis, args, { stdio: 'inherit' });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    await platform.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
