/**
 * Whether a consumer is stopping, and the backoffs its handlers wait out, which a stop cuts
 * short.
 */
export class StopSignal {
  /** Wakes the handlers waiting out a backoff when the consumer stops. */
  private readonly sleepers = new Set<() => void>();
  private stopping = false;

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Clears a previous stop, for a consumer that starts again. */
  reset(): void {
    this.stopping = false;
  }

  stop(): void {
    this.stopping = true;
    for (const wake of [...this.sleepers]) wake();
  }

  /** Waits out a backoff; cut short when the consumer stops. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
