import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** The environment fails its schema; the message names every problem at once. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/**
 * Checks an environment against a schema class (class-validator rules, defaults as property
 * initialisers) and returns the typed settings; empty variables count as unset. Used as
 * `ConfigModule.forRoot({ validate })`, so that a bad environment stops the service at start-up.
 */
export function validateEnv<T extends object>(
  schema: ClassConstructor<T>,
): (raw: Record<string, unknown>) => T {
  return (raw) => {
    const set = Object.fromEntries(
      Object.entries(raw).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')),
    );
    const env = plainToInstance(schema, set, { exposeDefaultValues: true });
    const errors = validateSync(env);
    if (errors.length > 0)
      throw new InvalidEnvironmentError(errors.flatMap((error) => problemsOf(error, set)));
    return env;
  };
}

/** Each broken rule of one setting, with what the environment said (not what it became). */
function problemsOf(error: ValidationError, raw: Record<string, unknown>): string[] {
  const given = raw[error.property];
  const got = given === undefined ? 'not set' : `got ${JSON.stringify(given)}`;
  return Object.values(error.constraints ?? {}).map((message) =>
    message.startsWith(error.property) ? `${message} (${got})` : `${error.property}: ${message} (${got})`,
  );
}
