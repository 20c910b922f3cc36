/** The source of "now" for use cases: the system clock in the service, a fixed one in tests. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
