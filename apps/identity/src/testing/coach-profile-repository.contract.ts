import { randomUUID } from 'node:crypto';
import { CoachProfilesStream } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import type { CoachProfile } from '../coach-profiles/domain/coach-profile';
import type { CoachProfileRepository } from '../coach-profiles/ports/coach-profile.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

const events = new EventFactory('identity');

/** What every {@link CoachProfileRepository} guarantees, against the fake (unit) and Mongo (integration). */
export function describeCoachProfileRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<CoachProfileRepository>,
): void {
  describe(`${name} (coach profile repository contract)`, () => {
    const subject = freshForEachTest(make);

    function profile(overrides: Partial<CoachProfile> = {}): CoachProfile {
      const at = new Date('2026-03-02T09:00:00.000Z');
      return {
        id: randomUUID(),
        tenantId: subject.tenantId,
        learnerUserId: randomUUID(),
        roleLearnerManager: 'learners',
        roleCoach: 'coach',
        filters: [{ field: 'COUNTRY', value: 'UK' }],
        populationVersion: 1,
        populationCursor: null,
        populationRecomputedAt: null,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        version: 1,
        ...overrides,
      };
    }

    it('finds what it inserted, within its tenant only, with its events stored in the same write', async () => {
      const inserted = profile();
      const event = events.create(CoachProfilesStream, 'coach-profile.deleted', {
        tenantId: inserted.tenantId,
        aggregateId: inserted.id,
        aggregateVersion: 1,
        payload: { coachId: inserted.id },
      });

      expect(await subject.repository.insert(inserted, [event])).toBe('written');

      expect(await subject.repository.findById(subject.tenantId, inserted.id)).toEqual(inserted);
      expect(await subject.repository.findById(contractTenant(), inserted.id)).toBeNull();
      expect(await subject.repository.findByIds(subject.tenantId, [inserted.id, randomUUID()])).toEqual([
        inserted,
      ]);
      expect(await subject.outboxOf(inserted.id)).toEqual([event]);
      expect(await subject.repository.insert(profile({ id: inserted.id }), [])).toBe('stale');
    });

    it('updates by compare-and-set on the version read; a deleted profile is found only as stored', async () => {
      const inserted = profile();
      await subject.repository.insert(inserted, []);
      const deleted = { ...inserted, deletedAt: new Date('2026-03-03T09:00:00.000Z'), version: 2 };

      expect(await subject.repository.update(deleted, inserted, [])).toBe('written');
      expect(await subject.repository.update({ ...deleted, version: 3 }, inserted, [])).toBe('stale');

      expect(await subject.repository.findById(subject.tenantId, inserted.id)).toBeNull();
      expect(await subject.repository.findByIds(subject.tenantId, [inserted.id])).toEqual([]);
      expect(await subject.repository.findStored(subject.tenantId, inserted.id)).toEqual(deleted);
      expect(await subject.repository.coachIdsFilteringOn(subject.tenantId, inserted.filters)).toEqual([]);
    });

    it('lists the live profiles of every tenant whose population is being recomputed, for the recovery of their jobs', async () => {
      const running = profile({ populationVersion: 3 });
      const done = profile({ populationRecomputedAt: new Date('2026-03-02T10:00:00.000Z') });
      const gone = profile({ deletedAt: new Date('2026-03-02T10:00:00.000Z') });
      for (const each of [running, done, gone]) await subject.repository.insert(each, []);

      const found = (await subject.repository.listRecomputing(10_000)).filter(
        (p) => p.tenantId === subject.tenantId,
      );

      expect(found).toEqual([{ id: running.id, tenantId: subject.tenantId, populationVersion: 3 }]);
    });

    it('finds the coaches by one of their filters, exactly, and no longer by a filter dropped', async () => {
      const uk = profile({
        filters: [
          { field: 'COUNTRY', value: 'UK' },
          { field: 'DEPT', value: 'Sales' },
        ],
      });
      const ie = profile({ filters: [{ field: 'COUNTRY', value: 'IE' }] });
      await subject.repository.insert(uk, []);
      await subject.repository.insert(ie, []);

      expect(
        (
          await subject.repository.coachIdsFilteringOn(subject.tenantId, [{ field: 'DEPT', value: 'Sales' }])
        ).sort(),
      ).toEqual([uk.id]);
      expect(
        await subject.repository.coachIdsFilteringOn(subject.tenantId, [{ field: 'COUNTRY', value: 'uk' }]),
      ).toEqual([]);
      expect(
        await subject.repository.coachIdsFilteringOn(contractTenant(), [{ field: 'COUNTRY', value: 'UK' }]),
      ).toEqual([]);

      await subject.repository.update(
        { ...uk, filters: [{ field: 'COUNTRY', value: 'IE' }], version: 2 },
        uk,
        [],
      );

      expect(
        await subject.repository.coachIdsFilteringOn(subject.tenantId, [{ field: 'COUNTRY', value: 'UK' }]),
      ).toEqual([]);
      expect(
        (
          await subject.repository.coachIdsFilteringOn(subject.tenantId, [{ field: 'COUNTRY', value: 'IE' }])
        ).sort(),
      ).toEqual([uk.id, ie.id].sort());
    });

    it('lists the live profiles of the tenant in id order, page by page', async () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()].sort();
      for (const id of ids) await subject.repository.insert(profile({ id }), []);

      const first = await subject.repository.list(subject.tenantId, { limit: 2 });
      expect(first.items.map((p) => p.id)).toEqual(ids.slice(0, 2));
      const second = await subject.repository.list(subject.tenantId, {
        limit: 2,
        cursor: first.nextCursor ?? '',
      });
      expect(second).toMatchObject({ nextCursor: null });
      expect(second.items.map((p) => p.id)).toEqual(ids.slice(2));
    });
  });
}
