/** The methods of `T` that return a promise. */
type AsyncMethodOf<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/**
 * Makes the next call of `method` on `target` fail with `error` (a crash, a lost connection)
 * without doing anything; the calls after it run as usual.
 */
export function failOnce<T extends object>(
  target: T,
  method: AsyncMethodOf<T>,
  error: Error = new Error('connection lost'),
): void {
  const original = target[method];
  Object.defineProperty(target, method, {
    configurable: true,
    writable: true,
    value: async () => {
      Object.defineProperty(target, method, { configurable: true, writable: true, value: original });
      throw error;
    },
  });
}
