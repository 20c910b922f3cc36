import mongoose, { type Connection, type mongo } from 'mongoose';
import type { PlatformService } from '@lms/testing';

/**
 * Collection names, as the services' schemas declare them:
 * apps/coaching/src/{memberships,assignments}/infra/*.schema.ts and
 * apps/notifications/src/{deliveries,recipients}/infra/*.schema.ts.
 */
export const COLLECTIONS = {
  membershipProjections: 'membership_projections',
  assignments: 'assignments',
  deliveries: 'deliveries',
  recipients: 'recipients',
} as const;

/** Read-only looks into the databases of one running platform, straight through the driver. */
export class PlatformDatabases {
  private constructor(
    private readonly connection: Connection,
    private readonly names: Record<PlatformService, string>,
  ) {}

  static async connect(uri: string, names: Record<PlatformService, string>): Promise<PlatformDatabases> {
    const connection = mongoose.createConnection(uri, {
      dbName: names.coaching,
      serverSelectionTimeoutMS: 10_000,
    });
    await connection.asPromise();
    return new PlatformDatabases(connection, names);
  }

  collection(service: PlatformService, name: string): mongo.Collection {
    return this.connection.getClient().db(this.names[service]).collection(name);
  }

  /**
   * A probe for `pollUntil` counting a run's documents in one collection of the run's own
   * database. While below `target` it asks for the collection's size, which the engine keeps
   * (no scan, unlike any filtered count on the stand-in); from the target on it confirms with
   * the exact count of `filter`. Should that come out lower (documents of other tenants: every
   * service consumes its topics whole, so others producing on the same broker land here too),
   * it counts exactly from then on and reports it through `onForeign`.
   */
  runCount(
    service: PlatformService,
    name: string,
    filter: mongo.Filter<mongo.Document>,
    target: number,
    onForeign?: () => void,
  ): () => Promise<number> {
    const collection = this.collection(service, name);
    let exactOnly = false;
    return async () => {
      if (!exactOnly) {
        const size = await collection.estimatedDocumentCount();
        if (size < target) return size;
      }
      const exact = await collection.countDocuments(filter);
      if (exact < target && !exactOnly) {
        exactOnly = true;
        onForeign?.();
      }
      return exact;
    };
  }

  /** Drops every database of the run (the services are stopped by then). */
  async dropAll(): Promise<void> {
    for (const name of Object.values(this.names)) {
      await this.connection.getClient().db(name).dropDatabase();
    }
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
