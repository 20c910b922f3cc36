import { randomBytes } from 'node:crypto';

/** A short random suffix, so that each test works on its own tenant, emails and groups. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}
