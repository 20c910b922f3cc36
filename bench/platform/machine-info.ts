import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The machine and the infrastructure a run was measured on. */
export interface MachineInfo {
  cpuModel: string;
  nproc: string;
  freeG: string;
  os: string;
  node: string;
  java: string;
  kafka: string;
  mongoServer: string;
  /** The commit the platform was built from, and whether the tree had changes on top. */
  code: string;
}

/** The MongoDB stand-in's backend as infra/up.sh recorded it in its folder (`INFRA_DIR`, else .infra). */
export function mongoBackend(repoRoot: string, infraDir: string | null = null): string {
  const backendFile = path.join(infraDir ?? path.join(repoRoot, '.infra'), 'mongo', 'backend');
  return existsSync(backendFile) ? readFileSync(backendFile, 'utf8').trim() : 'unknown';
}

export function describeMachine(repoRoot: string, infraDir: string | null = null): MachineInfo {
  const backend = mongoBackend(repoRoot, infraDir);
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    nproc: output('nproc', []) || String(os.availableParallelism()),
    freeG: output('free', ['-g']),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    java: output('java', ['-version']).split('\n')[0] ?? 'unknown',
    kafka: `Apache Kafka ${pomVersion(repoRoot, 'kafka', 'kafka_2.13')} (single node, KRaft, infra/up.sh)`,
    mongoServer: `mongo-java-server ${pomVersion(repoRoot, 'mongo', 'mongo-java-server')} (${backend} backend, infra/up.sh)`,
    code: codeVersion(repoRoot),
  };
}

function codeVersion(repoRoot: string): string {
  const commit = output('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD']);
  if (!commit) return 'unknown';
  const changes = output('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no']);
  return changes ? `${commit} with uncommitted changes` : commit;
}

/** stdout, or stderr where the tool writes there (java -version); empty when it cannot run. */
function output(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  if (result.error || result.status !== 0) return '';
  return (result.stdout.trim() || result.stderr.trim()).trim();
}

function pomVersion(repoRoot: string, part: string, artifactId: string): string {
  const pom = path.join(repoRoot, 'infra', part, 'pom.xml');
  if (!existsSync(pom)) return '(version unknown)';
  const match = new RegExp(`<artifactId>${artifactId}</artifactId>\\s*<version>([^<]+)</version>`).exec(
    readFileSync(pom, 'utf8'),
  );
  return match?.[1] ?? '(version unknown)';
}
