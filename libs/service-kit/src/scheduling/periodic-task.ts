import type { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from '@lms/observability';

/**
 * Work an instance runs on an interval (`@nestjs/schedule`'s registry), never twice at once
 * in one instance; the work itself is safe on N instances (rule 5). Stopped before the
 * database closes, the run under way awaited.
 */
export class PeriodicTask {
  private running: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<Record<string, number>>,
    private readonly scheduler: SchedulerRegistry,
    private readonly logger: Logger,
  ) {}

  /** Runs the work every `intervalMs` (0: never); `now` runs it once at once too. */
  start(intervalMs: number, options: { now?: boolean } = {}): void {
    if (options.now) this.run();
    if (intervalMs <= 0) return;
    const timer = setInterval(() => this.run(), intervalMs);
    timer.unref();
    this.scheduler.addInterval(this.name, timer);
  }

  async stop(): Promise<void> {
    if (this.scheduler.getIntervals().includes(this.name)) this.scheduler.deleteInterval(this.name);
    await this.running;
  }

  /** One run, unless one is under way; what it did is logged when it did something. */
  run(): Promise<void> {
    this.running ??= this.work()
      .then((report) => {
        if (Object.values(report).some((count) => count > 0)) this.logger.info({ report }, this.name);
      })
      .catch((error: unknown) => this.logger.error({ err: error }, `${this.name} failed`))
      .finally(() => (this.running = null));
    return this.running;
  }
}
