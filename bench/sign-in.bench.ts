import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import argon2 from 'argon2';
import { AccessTokenVerifier } from '@lms/service-kit';
import { ApiClient, startPlatform } from '@lms/testing';
import { TestTokenAuthority } from '@lms/service-testing';
import { ARGON2_PARAMETERS } from '../apps/identity/src/auth/infra/argon2-password-hasher';
import { writeBenchmarkSection } from './platform/benchmark-section';
import { summarizeLatencies, type LatencySummary } from './platform/latency-stats';

/**
 * The cost of signing in and of verifying tokens, in one run on this machine:
 *   1. the engine's own ceiling: argon2id hashes and verifications per second with the
 *      parameters identity uses, and access-token verifications per second (jose, EdDSA);
 *   2. the platform: logins per second through the gateway (one at a time, then 8 at once);
 *   3. an authenticated read through the gateway (its token verified by the gateway and by
 *      the service) beside a public read of the same size (no token, nothing verified).
 * Prints the figures and writes them into the sign-in section of docs/benchmarks.md.
 *
 *   npm run bench:sign-in   (on infrastructure of its own, started fresh, unless
 *                           KAFKA_BROKERS, MONGODB_URI and SMTP_URL are given)
 */
const repoRoot = path.resolve(
  __dirname,
  existsSync(path.join(__dirname, '..', 'package.json')) ? '..' : '../..',
);

interface Rate {
  operations: number;
  seconds: number;
  perSecond: number;
}

async function rate(
  operations: number,
  concurrency: number,
  operation: () => Promise<unknown>,
): Promise<Rate> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < operations) {
        next += 1;
        await operation();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { operations, seconds, perSecond: operations / seconds };
}

async function latencies(samples: number, operation: () => Promise<void>): Promise<LatencySummary> {
  const measured: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await operation();
    measured.push(Math.round((performance.now() - started) * 100) / 100);
  }
  const summary = summarizeLatencies(measured);
  if (!summary) throw new Error('no samples');
  return summary;
}

function infraFromEnvFile(): void {
  if (process.env.KAFKA_BROKERS && process.env.MONGODB_URI) return;
  const file = path.join(repoRoot, '.infra', 'env');
  if (!existsSync(file))
    throw new Error('No infrastructure: run `npm run infra:up` or set KAFKA_BROKERS and MONGODB_URI.');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = line.match(/^([A-Z_]+)=['"]?(.*?)['"]?$/);
    if (match && !process.env[match[1]]) process.env[match[1]] = match[2];
  }
}

async function main(): Promise<void> {
  infraFromEnvFile();
  const say = (line: string): void => console.log(line);

  say('1. the engine: argon2id and token verification in this process');
  const hash = await argon2.hash('correct horse battery staple', ARGON2_PARAMETERS);
  const hashing = await rate(40, 1, () => argon2.hash('correct horse battery staple', ARGON2_PARAMETERS));
  const verifying = await rate(40, 1, () => argon2.verify(hash, 'correct horse battery staple'));
  const verifyingParallel = await rate(80, 4, () => argon2.verify(hash, 'correct horse battery staple'));
  const authority = await TestTokenAuthority.create('bench');
  const verifier = new AccessTokenVerifier(
    { issuer: 'bench', jwksUrl: 'http://unused.invalid/jwks.json' },
    authority.keys,
  );
  const token = await authority.issue({ tenantId: 'bench', userId: 'bench-user', level: 'user', roles: [] });
  await rate(500, 1, () => verifier.verify(token));
  const tokenChecks = await rate(5_000, 1, () => verifier.verify(token));

  say('2. the platform: logins through the gateway');
  // The gateway's limits per client address and account would otherwise throttle the benchmark itself.
  const platform = await startPlatform({
    basePort: 13_400,
    env: {
      gateway: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000000',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000000',
      },
    },
  });
  try {
    const login = () =>
      fetch(`${platform.gatewayUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(platform.admin),
      }).then(async (response) => {
        if (response.status !== 200)
          throw new Error(`login answered ${response.status}: ${await response.text()}`);
      });
    await rate(10, 1, login);
    const loginsOne = await rate(60, 1, login);
    const loginsEight = await rate(120, 8, login);

    say('3. an authenticated read beside a public one, through the gateway');
    const api = await ApiClient.signIn(platform.gatewayUrl, platform.admin);
    const authenticated = () =>
      api.call('GET', '/api/v1/learning/courses?limit=1').then((result) => {
        if (result.status !== 200) throw new Error(`courses answered ${result.status}`);
      });
    const anonymous = new ApiClient(platform.gatewayUrl);
    const unauthenticated = () =>
      anonymous.call('GET', '/api/v1/auth/jwks.json').then((result) => {
        if (result.status !== 200) throw new Error(`jwks answered ${result.status}`);
      });
    await latencies(100, authenticated);
    await latencies(100, unauthenticated);
    const withToken = await latencies(1_000, authenticated);
    const withoutToken = await latencies(1_000, unauthenticated);

    const perCheckMs = 1000 / tokenChecks.perSecond;
    const lines = [
      '## Sign-in and token verification',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:sign-in\` (\`bench/sign-in.bench.ts\`) on this machine,`,
      'every figure of one run. Passwords are hashed with argon2id, 19 MiB of memory, 2 passes, 1 lane',
      '(`ARGON2_PARAMETERS`), and access tokens are Ed25519 (EdDSA) JWTs.',
      '',
      '| what | figure |',
      '| --- | --- |',
      `| argon2id hash, one at a time | ${hashing.perSecond.toFixed(1)}/s (${(1000 / hashing.perSecond).toFixed(0)} ms each) |`,
      `| argon2id verify, one at a time | ${verifying.perSecond.toFixed(1)}/s |`,
      `| argon2id verify, 4 at once | ${verifyingParallel.perSecond.toFixed(1)}/s |`,
      `| token verification (jose, EdDSA) | ${Math.round(tokenChecks.perSecond)}/s (${(perCheckMs * 1000).toFixed(0)} µs each) |`,
      `| logins through the gateway, one at a time | ${loginsOne.perSecond.toFixed(1)}/s (${(loginsOne.perSecond / verifying.perSecond).toFixed(2)} of argon2's verify ceiling) |`,
      `| logins through the gateway, 8 at once | ${loginsEight.perSecond.toFixed(1)}/s (${(loginsEight.perSecond / verifyingParallel.perSecond).toFixed(2)} of argon2's 4-lane ceiling) |`,
      `| authenticated read (GET /api/v1/learning/courses, verified by the gateway and learning) | p50 ${withToken.p50} ms, p99 ${withToken.p99} ms |`,
      `| public read (GET /api/v1/auth/jwks.json, nothing verified) | p50 ${withoutToken.p50} ms, p99 ${withoutToken.p99} ms |`,
      '',
      `A request through the gateway is verified twice (gateway and service): about ${(2 * perCheckMs).toFixed(2)} ms of CPU,`,
      `${(((2 * perCheckMs) / withToken.p50) * 100).toFixed(0)} % of the authenticated read's median. A login one at a time takes`,
      `${(1000 / loginsOne.perSecond).toFixed(0)} ms, of which argon2's verification is ${(1000 / verifying.perSecond).toFixed(0)} ms; the rest is the gateway and`,
      'the database round trips of a login (the throttle counters, the user, the refresh family and token, the signing key).',
      '',
    ];
    say(`\n${await writeBenchmarkSection(repoRoot, 'sign-in', lines)}\n`);
    say('wrote docs/benchmarks.md (sign-in section)');
  } finally {
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
