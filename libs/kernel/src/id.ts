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
 * When an id made by {@link newId} was made: its first 48 bits. Null for an id that is not a
 * UUID version 7.
 */
export function idCreatedAt(id: string): Date | null {
  const match = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.exec(id);
  return match ? new Date(Number.parseInt(`${match[1]}${match[2]}`, 16)) : null;
}

/**
 * The identifier `name` always has within `namespace` (a UUID): a UUID version 5 (RFC 9562),
 * so that work done twice, e.g. a chunk of a job run again, names what it creates the same
 * way and creates it once.
 */
export function nameBasedId(namespace: string, name: string): string {
  return v5(name, namespace);
}
