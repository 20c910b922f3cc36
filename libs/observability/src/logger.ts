import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentContext } from './request-context';

export type { Logger } from 'pino';

const REDACTED_PATHS = [
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  '*.token',
];

/**
 * A pino logger whose every line carries the service name and, when there is one, the
 * correlation and causation ids of the work in progress. Secrets are redacted.
 */
export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  return pino({
    level: 'info',
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const context = currentContext();
      return context
        ? { correlationId: context.correlationId, causationId: context.causationId ?? undefined }
        : {};
    },
    ...options,
  });
}
