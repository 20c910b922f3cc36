import { randomUUID } from 'node:crypto';
import type { OutboxEntry } from '@lms/messaging';
import { RecordingOutbox } from './recording-outbox';

/**
 * What a repository contract suite runs against: the repository, and the outbox entries
 * stored with each document it wrote (rule 1: the state and its events in one write).
 */
export interface RepositoryUnderContract<R> {
  repository: R;
  /** The entries stored with the document `id`, in write order; nothing is published during a contract run. */
  outboxOf(id: string): Promise<OutboxEntry[]>;
}

export type MakeRepositoryUnderContract<R> = () =>
  | Promise<RepositoryUnderContract<R>>
  | RepositoryUnderContract<R>;

/** An in-memory repository under contract: its recording outbox tells what each document was written with. */
export function inMemoryUnderContract<R>(make: (outbox: RecordingOutbox) => R): RepositoryUnderContract<R> {
  const outbox = new RecordingOutbox();
  return { repository: make(outbox), outboxOf: async (id) => outbox.writtenWith(id) };
}

/** A tenant of its own, so that contract runs sharing a database never see each other's documents. */
export function contractTenant(): string {
  return `contract-${randomUUID()}`;
}

/** What one test of a contract suite works on: a repository made for it, and a tenant of its own. */
export interface ContractTestSubject<R> extends RepositoryUnderContract<R> {
  tenantId: string;
}

/** Before each test of the calling suite, makes the repository anew and picks a tenant of its own. */
export function freshForEachTest<R>(make: MakeRepositoryUnderContract<R>): ContractTestSubject<R> {
  const subject = {} as ContractTestSubject<R>;
  beforeEach(async () => {
    Object.assign(subject, await make(), { tenantId: contractTenant() });
  });
  return subject;
}

/** What the user and group repositories have in common: an insert with events, a read by id. */
export interface InsertsAndFindsById<T> {
  findById(tenantId: string, id: string): Promise<T | null>;
  insert(entity: T, outbox: readonly OutboxEntry[]): Promise<unknown>;
}

/**
 * The tests of a suite whose repository inserts with events and reads by id: `entity` makes a
 * new one in the test's tenant, `created` the event its creation publishes.
 */
export function itInsertsAndFindsById<T extends { id: string }>(
  subject: ContractTestSubject<InsertsAndFindsById<T>>,
  entity: () => T,
  created: (entity: T) => OutboxEntry,
): void {
  it('finds what it inserted by id, as a plain value, within its tenant only', async () => {
    const inserted = entity();

    await subject.repository.insert(inserted, []);

    expect(await subject.repository.findById(subject.tenantId, inserted.id)).toEqual(inserted);
    expect(await subject.repository.findById(contractTenant(), inserted.id)).toBeNull();
    expect(await subject.repository.findById(subject.tenantId, randomUUID())).toBeNull();
  });

  it('stores the events with it, in the same write', async () => {
    const inserted = entity();
    const event = created(inserted);

    await subject.repository.insert(inserted, [event]);

    expect(await subject.outboxOf(inserted.id)).toEqual([event]);
  });
}
