import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import {
  isTeam,
  isUnit,
  type OrganisationNode,
  type Team,
  type Unit,
} from '../organisation/domain/organisation-node';
import type { OrganisationNodeRepository } from '../organisation/ports/organisation-node.repository';
import type { RecordingOutbox } from './recording-outbox';

/** The order of the Mongo repository's lists: by id. */
const CREATION_ORDER: ReadonlyArray<MemorySortKey<OrganisationNode>> = [['_id', (node) => node.id, 1]];

/**
 * Units and teams in memory, with the guarantees of the Mongo repository: tombstones found by
 * nobody, writes conditional on the version read. `beforeNextWrite` lets a test slip a
 * concurrent writer in between a use case's read and its write.
 */
export class InMemoryOrganisationNodeRepository implements OrganisationNodeRepository {
  private readonly rows = new Map<string, OrganisationNode>();
  private readonly interleaved: Array<() => void> = [];

  constructor(private readonly outbox: RecordingOutbox) {}

  /** Runs `write` right before the next write reaches the store (one per write). */
  beforeNextWrite(write: () => void): void {
    this.interleaved.push(write);
  }

  /** Stores a state as another writer would (no outbox): for races in tests. */
  overwrite(node: OrganisationNode): void {
    this.rows.set(node.id, structuredClone(node));
  }

  async findById(tenantId: string, id: string): Promise<OrganisationNode | null> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId && row.deletedAt === null ? structuredClone(row) : null;
  }

  async insert(node: OrganisationNode, outbox: readonly OutboxEntry[]): Promise<void> {
    this.runInterleaved();
    if (this.rows.has(node.id)) throw new Error(`duplicate node id ${node.id}`);
    this.rows.set(node.id, structuredClone(node));
    this.outbox.record(node.id, outbox);
  }

  async update(
    node: OrganisationNode,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    this.runInterleaved();
    const stored = this.rows.get(node.id);
    if (!stored || stored.tenantId !== node.tenantId || stored.version !== expectedVersion) return 'stale';
    this.rows.set(node.id, structuredClone(node));
    this.outbox.record(node.id, outbox);
    return 'written';
  }

  async listUnits(tenantId: string, page: PageRequest): Promise<Page<Unit>> {
    const units = this.live(tenantId).filter(isUnit);
    return structuredClone(slicePage(units, page, CREATION_ORDER));
  }

  async listTeams(tenantId: string, unitId: string, page: PageRequest): Promise<Page<Team>> {
    const teams = this.live(tenantId).filter((node): node is Team => isTeam(node) && node.unitId === unitId);
    return structuredClone(slicePage(teams, page, CREATION_ORDER));
  }

  async hasTeams(tenantId: string, unitId: string): Promise<boolean> {
    return this.live(tenantId).some((node) => isTeam(node) && node.unitId === unitId);
  }

  async managesAny(tenantId: string, userId: string): Promise<boolean> {
    return this.live(tenantId).some((node) => node.managerIds.includes(userId));
  }

  async memberOfAny(tenantId: string, userId: string): Promise<boolean> {
    return this.live(tenantId).some((node) => node.memberIds.includes(userId));
  }

  private live(tenantId: string): OrganisationNode[] {
    return [...this.rows.values()].filter((row) => row.tenantId === tenantId && row.deletedAt === null);
  }

  private runInterleaved(): void {
    this.interleaved.shift()?.();
  }
}
