/** One aggregate (an assignment, an enrollment) of one tenant, and the newest version of it whose event was handled. */
export interface SourceVersion {
  tenantId: string;
  /** The id of the aggregate the events are about (ids of different aggregates never collide). */
  aggregateId: string;
  version: number;
}

/** One aggregate of one tenant. */
export interface SourceRef {
  tenantId: string;
  aggregateId: string;
}

/**
 * The newest version of each aggregate whose event notifications handled (NO-2): an event
 * older than it (a dead letter replayed late, a replay from the beginning) mails nothing, so
 * that nobody is told "assigned" after "ended", or "enrolled" after being unenrolled. Every
 * method is scoped by tenant.
 */
export interface SourceVersionRepository {
  /** The newest version handled of each aggregate asked (absent: none yet), by {@link sourceVersionKey}. */
  latestOf(keys: readonly SourceRef[]): Promise<Map<string, number>>;
  /** Raises each aggregate's version to the one given, never lowers it; one round trip. */
  recordMany(versions: readonly SourceVersion[]): Promise<void>;
}

export const SOURCE_VERSION_REPOSITORY = Symbol('SOURCE_VERSION_REPOSITORY');

/** The key of one aggregate in a tenant, in {@link SourceVersionRepository.latestOf}'s answer. */
export function sourceVersionKey(key: SourceRef): string {
  return `${key.tenantId}:${key.aggregateId}`;
}
