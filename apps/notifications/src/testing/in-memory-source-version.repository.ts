import {
  sourceVersionKey,
  type SourceRef,
  type SourceVersion,
  type SourceVersionRepository,
} from '../deliveries/ports/source-version.repository';

export class InMemorySourceVersionRepository implements SourceVersionRepository {
  private readonly versions = new Map<string, number>();

  async latestOf(keys: readonly SourceRef[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const key of keys) {
      const version = this.versions.get(sourceVersionKey(key));
      if (version !== undefined) found.set(sourceVersionKey(key), version);
    }
    return found;
  }

  async recordMany(versions: readonly SourceVersion[]): Promise<void> {
    for (const entry of versions) {
      const key = sourceVersionKey(entry);
      this.versions.set(key, Math.max(this.versions.get(key) ?? 0, entry.version));
    }
  }
}
