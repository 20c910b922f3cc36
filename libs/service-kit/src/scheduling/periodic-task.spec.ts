import { SchedulerRegistry } from '@nestjs/schedule';
import pino from 'pino';
import { eventually } from '@lms/testing';
import { PeriodicTask } from './periodic-task';

/** A line the task logged: pino's level number, its message and its fields. */
interface LoggedLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

function logged() {
  const lines: LoggedLine[] = [];
  const logger = pino(
    { base: null },
    { write: (line: string) => lines.push(JSON.parse(line) as LoggedLine) },
  );
  return { lines, logger };
}

describe('PeriodicTask (rule 5)', () => {
  it('given an interval, then the work runs on it, is logged when it did something, and stops', async () => {
    const scheduler = new SchedulerRegistry();
    const { lines, logger } = logged();
    let runs = 0;
    const task = new PeriodicTask(
      'sweep',
      async () => ({ expired: runs++ === 0 ? 2 : 0 }),
      scheduler,
      logger,
    );

    task.start(5);
    await eventually(() => expect(runs).toBeGreaterThanOrEqual(2));
    await task.stop();

    expect(scheduler.getIntervals()).toEqual([]);
    expect(lines.map((line) => [line.msg, line.report])).toEqual([['sweep', { expired: 2 }]]);
  });

  it('given 0, then nothing is scheduled; `now` runs it once all the same', async () => {
    const scheduler = new SchedulerRegistry();
    const { logger } = logged();
    let runs = 0;
    const task = new PeriodicTask('reconcile', async () => ({ settled: runs++ }), scheduler, logger);

    task.start(0, { now: true });
    await task.stop();

    expect(runs).toBe(1);
    expect(scheduler.getIntervals()).toEqual([]);
  });

  it('given a run under way, then another is not started beside it; a failure is logged, not thrown', async () => {
    const scheduler = new SchedulerRegistry();
    const { lines, logger } = logged();
    let release: () => void = () => undefined;
    let runs = 0;
    const task = new PeriodicTask(
      'sweep',
      () =>
        new Promise<Record<string, number>>((_resolve, reject) => {
          runs++;
          release = () => reject(new Error('database away'));
        }),
      scheduler,
      logger,
    );

    const first = task.run();
    const second = task.run();
    release();
    await Promise.all([first, second]);

    expect(runs).toBe(1);
    expect(lines.map((line) => line.msg)).toEqual(['sweep failed']);
  });
});
