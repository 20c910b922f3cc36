import { randomUUID } from 'node:crypto';
import { ImportsStream } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { recordApplied, recordValidated, startImport, type Import } from '../imports/domain/import';
import type { ImportRepository } from '../imports/ports/import.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

/**
 * What every {@link ImportRepository} guarantees, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describeImportRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<ImportRepository>,
): void {
  describe(`${name} (import repository contract)`, () => {
    const subject = freshForEachTest(make);
    const at = new Date('2026-03-02T09:00:00.000Z');
    const later = new Date('2026-03-02T09:01:00.000Z');

    function anImport(tenantId = subject.tenantId, id = newId()): Import {
      return startImport(
        {
          id,
          kind: 'users',
          mode: 'valid_rows',
          dryRun: false,
          startedBy: { tenantId, userId: randomUUID(), level: 'superadmin', roles: ['application_admin'] },
          fileName: 'people.csv',
          bytes: 1234,
          delimiter: ';',
          columns: ['email', 'role', 'groupId'],
          rowsTotal: 10,
        },
        at,
      );
    }

    it('finds what it inserted by id, whole, as a plain value, within its tenant only', async () => {
      const inserted = {
        ...anImport(),
        startedBy: { tenantId: subject.tenantId, userId: null, level: 'superadmin', roles: [] },
      };

      await subject.repository.insert(inserted);

      expect(await subject.repository.findById(subject.tenantId, inserted.id)).toEqual(inserted);
      expect(await subject.repository.findById(contractTenant(), inserted.id)).toBeNull();
      expect(await subject.repository.findById(subject.tenantId, newId())).toBeNull();
    });

    it('saves progress only from the version it was read at, within its tenant, with its events in the same write', async () => {
      const running = anImport();
      await subject.repository.insert(running);
      const validated = recordValidated(
        running,
        { rowReached: 11, valid: 9, rejected: 1, done: true },
        later,
      );
      const finished = recordApplied(
        validated,
        { rowReached: 11, applied: 8, refused: 1, done: true },
        later,
      );
      const event = new EventFactory('identity').create(ImportsStream, 'import.finished', {
        tenantId: subject.tenantId,
        aggregateId: running.id,
        aggregateVersion: finished.version,
        payload: {
          importId: running.id,
          kind: 'users',
          outcome: 'finished',
          startedBy: null,
          dryRun: false,
          mode: 'valid_rows',
          rowsRead: 10,
          rowsApplied: 8,
          rowsRejected: 2,
        },
      });

      expect(await subject.repository.update(validated, 1, [])).toBe('written');
      expect(await subject.repository.update(validated, 1, [])).toBe('stale');
      expect(await subject.repository.update({ ...finished, tenantId: contractTenant() }, 2, [event])).toBe(
        'stale',
      );
      expect(await subject.repository.findById(subject.tenantId, running.id)).toEqual(validated);

      expect(await subject.repository.update(finished, 2, [event])).toBe('written');
      expect(await subject.repository.findById(subject.tenantId, running.id)).toEqual(finished);
      expect(await subject.outboxOf(running.id)).toEqual([event]);
    });

    it("lists a tenant's imports newest first, page after page", async () => {
      const ids = [
        newId(new Date('2026-01-01')),
        newId(new Date('2026-01-02')),
        newId(new Date('2026-01-03')),
      ];
      for (const id of ids) await subject.repository.insert(anImport(subject.tenantId, id));
      await subject.repository.insert(anImport(contractTenant()));

      const first = await subject.repository.list(subject.tenantId, { limit: 2 });
      const second = await subject.repository.list(subject.tenantId, {
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });

      expect(first.items.map((entry) => entry.id)).toEqual([ids[2], ids[1]]);
      expect(second.items.map((entry) => entry.id)).toEqual([ids[0]]);
      expect(second.nextCursor).toBeNull();
    });

    it('lists the imports not over of every tenant in id order after a cursor', async () => {
      const id = (suffix: string) => `${subject.tenantId}-${suffix}`;
      const validating = anImport(subject.tenantId, id('a'));
      const applying = { ...anImport(contractTenant(), id('b')), state: 'applying' as const };
      const finished = { ...anImport(subject.tenantId, id('c')), state: 'finished' as const };
      const failed = { ...anImport(subject.tenantId, id('d')), state: 'failed' as const };
      for (const entry of [validating, applying, finished, failed]) await subject.repository.insert(entry);

      const mine = (page: Array<Pick<Import, 'id'>>) =>
        page.filter((entry) => entry.id.startsWith(subject.tenantId));

      expect(mine(await subject.repository.listUnfinished(id(''), 100))).toEqual([
        { id: validating.id, tenantId: validating.tenantId },
        { id: applying.id, tenantId: applying.tenantId },
      ]);
      expect(
        mine(await subject.repository.listUnfinished(validating.id, 100)).map((entry) => entry.id),
      ).toEqual([applying.id]);
    });
  });
}
