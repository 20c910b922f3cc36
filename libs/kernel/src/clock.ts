/**
 * Where use cases read the time: injected under {@link CLOCK}, so that rules and tests never
 * read the wall clock. `ServiceKitModule` provides the {@link SystemClock}; tests use the
 * `FixedClock` of the testing library.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
