import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '@lms/testing';

/** Notifications instances of one phase: one database and consumer group, each its own port. */
export interface NotificationsInstances {
  database: string;
  stop(): Promise<void>;
}

/**
 * Starts `count` notifications processes from `dist/` sharing a database and a consumer
 * group (as N replicas of a deployment would), and waits until each reports ready.
 */
export async function startNotificationsInstances(options: {
  repoRoot: string;
  count: number;
  basePort: number;
  label: string;
  logDir: string;
  /** Settings of these instances beside the defaults, e.g. the digest window. */
  env?: Record<string, string>;
}): Promise<NotificationsInstances> {
  const main = path.join(options.repoRoot, 'dist', 'apps', 'notifications', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run the build first`);
  mkdirSync(options.logDir, { recursive: true });
  const database = `notifications-bench-${options.label}`;
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  };
  try {
    for (let instance = 0; instance < options.count; instance += 1) {
      const port = options.basePort + instance;
      const child = spawn(process.execPath, [main], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          MONGODB_DB: database,
          KAFKA_CONSUMER_GROUP: database,
          KAFKA_CONSUMER_FROM_BEGINNING: 'false',
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const log = createWriteStream(path.join(options.logDir, `notifications-${instance}.log`), {
        flags: 'a',
      });
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
      children.push(child);
      await eventually(
        async () => {
          if (child.exitCode !== null)
            throw new Error(`notifications ${instance} exited with ${child.exitCode}`);
          const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
          if (!response.ok) throw new Error(`not ready: ${response.status}`);
        },
        { timeoutMs: 90_000, intervalMs: 250 },
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { database, stop };
}
