import {
  assignmentVersionKey,
  type AssignmentVersion,
  type AssignmentVersionRepository,
} from '../deliveries/ports/assignment-version.repository';

export class InMemoryAssignmentVersionRepository implements AssignmentVersionRepository {
  private readonly versions = new Map<string, number>();

  async latestOf(
    keys: ReadonlyArray<{ tenantId: string; assignmentId: string }>,
  ): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const key of keys) {
      const version = this.versions.get(assignmentVersionKey(key));
      if (version !== undefined) found.set(assignmentVersionKey(key), version);
    }
    return found;
  }

  async recordMany(versions: readonly AssignmentVersion[]): Promise<void> {
    for (const entry of versions) {
      const key = assignmentVersionKey(entry);
      this.versions.set(key, Math.max(this.versions.get(key) ?? 0, entry.version));
    }
  }
}
