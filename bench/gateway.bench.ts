import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { ApiClient, eventually, startPlatform } from '@lms/testing';
import { writeBenchmarkSection } from './platform/benchmark-section';
import { COLLECTIONS, PlatformDatabases } from './platform/platform-databases';
import { summarizeLatencies } from './platform/latency-stats';
import { numberOption } from './platform/number-option';

/**
 * The HTTP path at a fixed concurrency, in one run on this machine:
 *   1. a bare Fastify hello-world in its own process (the stack's ceiling here);
 *   2. an authenticated list of 50 assignments sent straight to coaching (token verified once);
 *   3. the same list through the gateway (rate limits, token verified by the gateway, proxied,
 *      verified again by coaching).
 * Each is driven by autocannon for the same time at the same concurrency; prints requests per
 * second, p50 and p99, and writes them into the gateway section of docs/benchmarks.md.
 *
 *   npm run bench:gateway   [-- --connections 16 --seconds 10]
 *   (on infrastructure of its own, started fresh, unless KAFKA_BROKERS, MONGODB_URI and SMTP_URL are given)
 */
const repoRoot = path.resolve(
  __dirname,
  existsSync(path.join(__dirname, '..', 'package.json')) ? '..' : '../..',
);
const BASE_PORT = 13_700;
const BARE_PORT = BASE_PORT + 9;
const LIST_SIZE = 50;

interface Measured {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function measure(
  label: string,
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<Measured> {
  await autocannon({ url, headers, connections, duration: 2 }); // warm-up
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    label,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * The database engine's own ceiling for the list: the query coaching's repository sends for
 * it (filter, sort, projection, one page), straight through the driver, `connections` at once.
 */
async function engineCeiling(
  databases: PlatformDatabases,
  groupAssignmentId: string,
  connections: number,
  seconds: number,
): Promise<Measured> {
  const assignments = databases.collection('coaching', COLLECTIONS.assignments);
  const query = () =>
    assignments
      .find({ tenantId: '1000', groupAssignmentId }, { projection: { outbox: 0 } })
      .sort({ createdAt: -1, _id: -1 })
      .limit(LIST_SIZE + 1)
      .toArray();
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        await query();
        latencies.push(performance.now() - started);
      }
    }),
  );
  const summary = summarizeLatencies(latencies);
  return {
    label: "the list's query, straight to the database engine",
    perSecond: latencies.length / seconds,
    p50: Math.round(summary?.p50 ?? 0),
    p99: Math.round(summary?.p99 ?? 0),
    errors: 0,
    non2xx: 0,
  };
}

function startBareServer(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'gateway', 'bare-server.js'), String(BARE_PORT)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
}

async function main(): Promise<void> {
  const connections = numberOption('connections', 16);
  const seconds = numberOption('seconds', 10);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  say(`1. a bare Fastify hello-world (${connections} connections, ${seconds} s each)`);
  const bare = await startBareServer();
  let bareServer: Measured;
  try {
    bareServer = await measure(
      'bare Fastify hello-world',
      `http://127.0.0.1:${BARE_PORT}/`,
      {},
      connections,
      seconds,
    );
  } finally {
    bare.kill('SIGTERM');
  }

  say('2. the platform: 50 assignments to list');
  const platform = await startPlatform({
    basePort: BASE_PORT,
    env: {
      gateway: {
        RATE_LIMIT_PER_MINUTE: '100000000',
        ACCOUNT_RATE_LIMIT_PER_MINUTE: '100000000',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
      },
    },
  });
  try {
    const api = await ApiClient.signIn(platform.gatewayUrl, platform.admin);
    const coach = await api.create<{ id: string }>('/api/v1/identity/users', {
      email: `coach-${Date.now()}@bench.example.com`,
      firstName: 'Carl',
      lastName: 'Coach',
    });
    const group = await api.create<{ id: string }>('/api/v1/identity/groups', { name: 'Bench' });
    for (let i = 0; i < LIST_SIZE; i++) {
      const member = await api.create<{ id: string }>('/api/v1/identity/users', {
        email: `member-${i}-${Date.now()}@bench.example.com`,
        firstName: 'Mia',
        lastName: `Member ${i}`,
      });
      await api.create(`/api/v1/identity/groups/${group.id}/members`, {
        userId: member.id,
        roles: ['learner'],
      });
    }
    const groupAssignment = await api.create<{ id: string }>('/api/v1/coaching/group-assignments', {
      groupId: group.id,
      roles: ['learner'],
      coachIds: [coach.id],
    });
    const query = `assignments?groupAssignmentId=${groupAssignment.id}&limit=${LIST_SIZE}`;
    await eventually(
      async () => {
        const page = await api.get<{ items: unknown[] }>(`/api/v1/coaching/${query}`);
        if (page.items.length < LIST_SIZE) throw new Error(`${page.items.length} assignments so far`);
      },
      { timeoutMs: 120_000 },
    );
    const login = await fetch(`${platform.gatewayUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(platform.admin),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    say(
      "3. the list's query straight to the database, the list straight to coaching, then through the gateway",
    );
    const databases = await PlatformDatabases.connect(String(process.env.MONGODB_URI), platform.databases);
    let engine: Measured;
    try {
      engine = await engineCeiling(databases, groupAssignment.id, connections, seconds);
    } finally {
      await databases.close();
    }
    const direct = await measure(
      'the list, straight to coaching',
      `http://127.0.0.1:${BASE_PORT + 2}/v1/${query}`,
      auth,
      connections,
      seconds,
    );
    const gateway = await measure(
      'the list, through the gateway',
      `${platform.gatewayUrl}/api/v1/coaching/${query}`,
      auth,
      connections,
      seconds,
    );

    say('4. a light public read: the key set, straight to identity, then through the gateway');
    const keysDirect = await measure(
      'the public key set, straight to identity',
      `http://127.0.0.1:${BASE_PORT + 1}/v1/auth/jwks.json`,
      {},
      connections,
      seconds,
    );
    const keysGateway = await measure(
      'the public key set, through the gateway',
      `${platform.gatewayUrl}/api/v1/auth/jwks.json`,
      {},
      connections,
      seconds,
    );

    const rows = [bareServer, engine, direct, gateway, keysDirect, keysGateway].map(
      (m) =>
        `| ${m.label} | ${Math.round(m.perSecond)}/s | ${(m.perSecond / bareServer.perSecond).toFixed(2)} | ${m.p50} ms | ${m.p99} ms | ${m.errors + m.non2xx} |`,
    );
    const lines = [
      '## The HTTP path: gateway, service, bare server',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:gateway\` (\`bench/gateway.bench.ts\`) on this machine, every`,
      `figure of one run: autocannon, ${connections} connections, ${seconds} s each after a 2 s warm-up. The list is`,
      `\`GET /api/v1/coaching/assignments?groupAssignmentId=…&limit=${LIST_SIZE}\` (${LIST_SIZE} assignments, signed in as the System`,
      'Administrator); straight to coaching the token is verified once, through the gateway twice. The public key',
      "set (identity's `GET /v1/auth/jwks.json`: no token, one read of a collection of a few documents) shows what the",
      'HTTP path costs around a light answer.',
      '',
      '| what | requests | of the bare server | p50 | p99 | errors and non-2xx |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `The list through the gateway runs at ${(gateway.perSecond / engine.perSecond).toFixed(2)} of its query's rate on the database engine alone, and`,
      `${(gateway.perSecond / direct.perSecond).toFixed(2)} of the list straight to coaching; the light read through the gateway at`,
      `${(keysGateway.perSecond / keysDirect.perSecond).toFixed(2)} of the same read straight to identity.`,
      '',
      `Target: the gateway path at least 0.25 of the bare server's rate (here ${(gateway.perSecond / bareServer.perSecond).toFixed(2)}) and p99 under 50 ms (here ${gateway.p99} ms).`,
      '',
    ];
    say(`\n${await writeBenchmarkSection(repoRoot, 'gateway', lines)}\n`);
    say('wrote docs/benchmarks.md (gateway section)');
  } finally {
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
