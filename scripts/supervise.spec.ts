import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SUPERVISE = path.join(__dirname, 'supervise.sh');

/** scripts/supervise.sh around small fake services written as bash scripts. */
describe('supervise.sh', () => {
  let dir: string;
  const running: ChildProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'supervise-'));
  });

  afterEach(async () => {
    for (const child of running.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    if (exists(() => fakePid()) && alive(fakePid())) process.kill(fakePid(), 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fake service: counts its starts in `runs`, writes its pid to `pid`, then runs BODY. */
  function fakeService(body: string): string {
    const file = path.join(dir, 'fake.sh');
    writeFileSync(
      file,
      [
        `cd ${JSON.stringify(dir)}`,
        'n=$(( $(cat runs 2>/dev/null || echo 0) + 1 )); echo $n > runs; echo $$ > pid',
        'echo "fake run $n"',
        body,
      ].join('\n'),
    );
    return file;
  }

  function supervise(service: string, env: Record<string, string> = {}, detached = false) {
    const log = path.join(dir, 'fake.log');
    const child = spawn('bash', [SUPERVISE, 'fake', log, 'bash', service], {
      env: { ...process.env, SUPERVISE_BACKOFF_MS: '100', SUPERVISE_PREFIX: '[test] ', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached,
    });
    running.push(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, log, exited, stderr: () => stderr };
  }

  const runs = () => Number(readFileSync(path.join(dir, 'runs'), 'utf8').trim() || 0);
  const fakePid = () => {
    const pid = Number(readFileSync(path.join(dir, 'pid'), 'utf8').trim());
    if (!(pid > 0)) throw new Error('no pid yet');
    return pid;
  };

  it('starts a crashed service again, saying which, how it ended, the log and the restart count', async () => {
    const service = fakeService(
      'if [ $n -le 2 ]; then echo "boom $n" >&2; exit 3; fi\nwhile :; do sleep 0.1; done',
    );
    const run = supervise(service);

    await until(() => run.stderr().includes('started again (restart 2,'));
    await until(() => runs() === 3);

    const out = run.stderr();
    expect(out).toContain(`[test] fake exited with status 3 after`);
    expect(out).toContain(`restart 1 in 0.1s (log: ${run.log})`);
    expect(out).toContain(`restart 2 in 0.2s (log: ${run.log})`);
    expect(out).toContain('[test]     boom 1'); // the end of the crashed run's output
    expect(out).toMatch(/\[test\] fake started again \(restart 1, pid \d+\)/);
    expect(readFileSync(run.log, 'utf8')).toMatch(
      /fake run 1\nboom 1\n[\s\S]*=== .* fake started again \(restart 1\)/,
    );
    expect(alive(fakePid())).toBe(true);
  });

  it('doubles the pause after each crash in a row, up to the maximum', async () => {
    const run = supervise(fakeService('exit 1'), { SUPERVISE_BACKOFF_MAX_MS: '400' });

    await until(() => /restart 5 in/.test(run.stderr()), 5000);

    const pauses = [...run.stderr().matchAll(/restart \d+ in ([\d.]+)s/g)].map((m) => m[1]);
    expect(pauses.slice(0, 5)).toEqual(['0.1', '0.2', '0.4', '0.4', '0.4']);
  });

  it('starts again with the shortest pause once the service stayed up long enough', async () => {
    // Runs 1 and 2 crash at once; run 3 stays up 0.6 s (longer than SUPERVISE_STABLE_MS), then crashes.
    const service = fakeService('if [ $n -eq 3 ]; then sleep 0.6; fi\nexit 1');
    const run = supervise(service, { SUPERVISE_STABLE_MS: '400' });

    await until(() => /restart 3 in/.test(run.stderr()), 5000);

    const pauses = [...run.stderr().matchAll(/restart \d+ in ([\d.]+)s/g)].map((m) => m[1]);
    expect(pauses.slice(0, 3)).toEqual(['0.1', '0.2', '0.1']);
  });

  it('names the signal that killed the service', async () => {
    const run = supervise(fakeService('kill -KILL $$'));

    await until(() => run.stderr().includes('restart 1 in'));

    expect(run.stderr()).toContain('fake exited with status 137 (SIGKILL)');
    expect(run.stderr()).not.toMatch(/Killed|Terminated/); // no job-control reports from bash
  });

  it('stops the service and itself on SIGTERM', async () => {
    const service = fakeService('trap "echo stopping; exit 0" TERM\nwhile :; do sleep 0.1; done');
    const run = supervise(service);
    await until(() => exists(() => fakePid()) && alive(fakePid()));

    run.child.kill('SIGTERM');

    expect(await run.exited).toBe(0);
    expect(alive(fakePid())).toBe(false);
    expect(readFileSync(run.log, 'utf8')).toContain('stopping');
    expect(runs()).toBe(1);
    expect(run.stderr()).not.toContain('exited with status');
  });

  it('keeps the service out of its process group, so that a Ctrl-C reaches the service only as SIGTERM', async () => {
    const service = fakeService(
      'trap "echo got INT; exit 0" INT\ntrap "echo got TERM; exit 0" TERM\nwhile :; do sleep 0.1; done',
    );
    const run = supervise(service, {}, true);
    await until(() => exists(() => fakePid()) && alive(fakePid()));

    process.kill(-(run.child.pid as number), 'SIGINT'); // what the terminal does on Ctrl-C

    expect(await run.exited).toBe(0);
    expect(readFileSync(run.log, 'utf8')).toContain('got TERM');
    expect(readFileSync(run.log, 'utf8')).not.toContain('got INT');
    expect(runs()).toBe(1);
  });

  it('drops a pending restart on SIGTERM', async () => {
    const run = supervise(fakeService('exit 1'), { SUPERVISE_BACKOFF_MS: '10000' });
    await until(() => run.stderr().includes('restart 1 in 10s'));

    const stopped = Date.now();
    run.child.kill('SIGTERM');

    expect(await run.exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(2000);
    expect(runs()).toBe(1);
  });

  it('sends SIGKILL to a service that ignores SIGTERM for longer than the grace period', async () => {
    const run = supervise(fakeService('trap "" TERM\nwhile :; do sleep 0.1; done'), {
      SUPERVISE_STOP_GRACE: '1',
    });
    await until(() => exists(() => fakePid()) && alive(fakePid()));

    run.child.kill('SIGTERM');

    expect(await run.exited).toBe(0);
    expect(alive(fakePid())).toBe(false);
    expect(run.stderr()).toContain('fake did not stop within 1s; sending SIGKILL');
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function exists(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let met = false;
    try {
      met = condition();
    } catch {
      met = false;
    }
    if (met) return;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
