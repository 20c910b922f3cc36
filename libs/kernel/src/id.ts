import { v5, v7 } from 'uuid';

/**
 * A new identifier: a UUID version 7 (RFC 9562), whose first 48 bits are the creation time
 * in Unix milliseconds, so that ids sort by creation and index inserts stay local. Pass the
 * clock's `now` where the time is part of the record.
 */
export function newId(now: Date = new Date()): string {
  return v7({ msecs: now.getTime() });
}

/**
 * The identifier `name` always has within `namespace` (a UUID): a UUID version 5 (RFC 9562),
 * so that work done twice, e.g. a chunk of a job run again, names what it creates the same
 * way and creates it once.
 */
export function nameBasedId(namespace: string, name: string): string {
  return v5(name, namespace);
}
