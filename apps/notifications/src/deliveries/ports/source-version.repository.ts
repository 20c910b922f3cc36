/** One assignment of one tenant, and the newest version of it whose event was handled. */
export interface AssignmentVersion {
  tenantId: string;
  assignmentId: string;
  version: number;
}

/**
 * The newest version of each assignment whose event notifications handled (NO-2): an event
 * older than it (a dead letter replayed late, a replay from the beginning) mails nothing, so
 * that nobody is told "assigned" after "ended". Every method is scoped by tenant.
 */
export interface AssignmentVersionRepository {
  /** The newest version handled of each assignment asked (absent: none yet), keyed `tenantId:assignmentId`. */
  latestOf(keys: ReadonlyArray<{ tenantId: string; assignmentId: string }>): Promise<Map<string, number>>;
  /** Raises each assignment's version to the one given, never lowers it; one round trip. */
  recordMany(versions: readonly AssignmentVersion[]): Promise<void>;
}

export const ASSIGNMENT_VERSION_REPOSITORY = Symbol('ASSIGNMENT_VERSION_REPOSITORY');

/** The key of one assignment in a tenant, in {@link AssignmentVersionRepository.latestOf}'s answer. */
export function assignmentVersionKey(key: { tenantId: string; assignmentId: string }): string {
  return `${key.tenantId}:${key.assignmentId}`;
}
