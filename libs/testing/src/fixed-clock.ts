/**
 * A clock that stands still until a test moves it. It fits the `Clock` port of
 * `@lms/service-kit` (`now(): Date`) without importing it, so that this library stays free
 * of the runtime libraries whose tests use it.
 */
export class FixedClock {
  private current: Date;

  constructor(start: Date | string = '2026-03-02T09:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
