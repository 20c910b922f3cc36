import path from 'node:path';

/** The infrastructure a run measures against, from the environment (`<INFRA_DIR>/env`). */
export interface InfraEnv {
  brokers: string[];
  mongoUri: string;
  /** The folder infra/up.sh keeps its state in (pid files, the backend it started). */
  infraDir: string;
}

/** The local infrastructure's addresses; only this machine's loopback address is accepted. */
export function infraFromEnv(env: NodeJS.ProcessEnv, repoRoot: string): InfraEnv | string {
  const missing = ['KAFKA_BROKERS', 'MONGODB_URI', 'SMTP_URL'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    return `${missing.join(', ')} not set: run it through npm run bench, or start the infrastructure (bash infra/up.sh) and export its env file first`;
  }
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim());
  const mongoUri = env.MONGODB_URI ?? '';
  const hosts = [
    ...brokers.map((broker) => broker.replace(/:\d+$/, '')),
    hostOf(mongoUri),
    hostOf(env.SMTP_URL ?? ''),
  ];
  const remote = hosts.filter((host) => host !== '127.0.0.1');
  if (remote.length > 0) {
    return `the benchmark only runs against infrastructure on 127.0.0.1, not ${remote.join(', ')}`;
  }
  const infraDir = env.INFRA_DIR?.trim() ? path.resolve(env.INFRA_DIR) : path.join(repoRoot, '.infra');
  return { brokers, mongoUri, infraDir };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
