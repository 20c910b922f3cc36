import { execFile } from 'node:child_process';

/**
 * True when a Docker engine answers `docker info` within the timeout. Any failure (no CLI,
 * no daemon, no permission, too slow) counts as "no engine".
 */
export function dockerEngineAnswers(timeoutMs = 5_000): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      execFile(
        'docker',
        ['info', '--format', '{{.ServerVersion}}'],
        { timeout: timeoutMs },
        (error, stdout) => resolve(!error && stdout.trim().length > 0),
      );
    } catch {
      resolve(false);
    }
  });
}
