import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../unique';
import type { SignInCredentials } from '../http-client';

/** The host tenant's code: its System Administrator is the one account that exists at first start. */
export const HOST_TENANT = '1000';

export const PLATFORM_SERVICES = ['identity', 'coaching', 'learning', 'notifications'] as const;
export type PlatformService = (typeof PLATFORM_SERVICES)[number];

export interface RunningPlatform {
  gatewayUrl: string;
  /** The System Administrator of the host tenant, made by identity at its first start. */
  admin: SignInCredentials;
  /** Per-service database names of this run. */
  databases: Record<PlatformService, string>;
  /** Stops one service the way an operator would (SIGTERM), e.g. to test a restart. */
  stopService(name: PlatformService | 'gateway'): Promise<void>;
  /** Kills one service at once (SIGKILL), as a crash would: no shutdown hooks, no flush. */
  killService(name: PlatformService | 'gateway'): Promise<void>;
  startService(name: PlatformService | 'gateway'): Promise<void>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** First of six consecutive ports: gateway, then identity, coaching, learning, notifications. */
  basePort?: number;
  logDir?: string;
  /** Extra environment of some processes, e.g. a small fan-out chunk for a crash test. */
  env?: Partial<Record<PlatformService | 'gateway', Record<string, string>>>;
}

/**
 * The repository root: the nearest folder above with a package.json, so that this works from
 * the sources (tests) and from their build under dist/ (benchmarks) alike.
 */
const repoRoot = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return path.resolve(from, '../../../..');
}

/**
 * Starts every service and the gateway from the build output (`dist/`), each as its own
 * process, with databases and consumer groups of their own, and waits until the gateway
 * reports every service ready.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const base = options.basePort ?? 13_000;
  const run = uniqueSuffix();
  const logDir = options.logDir ?? path.join(repoRoot, '.infra', 'logs', `platform-${run}`);
  mkdirSync(logDir, { recursive: true });
  const ports: Record<PlatformService | 'gateway', number> = {
    gateway: base,
    identity: base + 1,
    coaching: base + 2,
    learning: base + 3,
    notifications: base + 4,
  };
  const databases = Object.fromEntries(PLATFORM_SERVICES.map((s) => [s, `${s}-e2e-${run}`])) as Record<
    PlatformService,
    string
  >;
  const children = new Map<string, ChildProcess>();
  const admin: SignInCredentials = {
    tenant: HOST_TENANT,
    email: 'admin@platform.local',
    password: `platform-${run}-${randomUUID()}`,
  };
  const url = (p: number): string => `http://127.0.0.1:${p}`;

  const startService = async (name: PlatformService | 'gateway'): Promise<void> => {
    const main = path.join(repoRoot, 'dist', 'apps', name, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run the build first (npm run build)`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(ports[name]),
      HOST: '127.0.0.1',
      IDENTITY_URL: url(ports.identity),
      COACHING_URL: url(ports.coaching),
      LEARNING_URL: url(ports.learning),
      NOTIFICATIONS_URL: url(ports.notifications),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      IDENTITY_JWKS_URL: `${url(ports.identity)}/v1/auth/jwks.json`,
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    };
    if (name !== 'gateway') {
      env.MONGODB_DB = databases[name];
      env.KAFKA_CONSUMER_GROUP = `${name}-e2e-${run}`;
    }
    Object.assign(env, options.env?.[name] ?? {});
    const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
    // SERVICE_HEAP_MB limits the services' heap as it does for `npm start` (scripts/services.sh).
    const heap = process.env.SERVICE_HEAP_MB ? [`--max-old-space-size=${process.env.SERVICE_HEAP_MB}`] : [];
    const child = spawn(process.execPath, [...heap, '--enable-source-maps', main], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    children.set(name, child);
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logDir}`);
        const response = await fetch(`${url(ports[name])}/health/ready`);
        if (!response.ok) throw new Error(`${name} not ready: ${response.status}`);
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  };

  const stopService = async (
    name: PlatformService | 'gateway',
    signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM',
  ): Promise<void> => {
    const child = children.get(name);
    children.delete(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await Promise.all(PLATFORM_SERVICES.map((s) => startService(s)));
    await startService('gateway');
  } catch (error) {
    await Promise.all([...children.keys()].map((n) => stopService(n as PlatformService)));
    throw error;
  }
  return {
    gatewayUrl: url(ports.gateway),
    admin,
    databases,
    stopService: (name) => stopService(name),
    killService: (name) => stopService(name, 'SIGKILL'),
    startService,
    stop: async () => {
      await Promise.all([...children.keys()].map((n) => stopService(n as PlatformService | 'gateway')));
    },
  };
}
