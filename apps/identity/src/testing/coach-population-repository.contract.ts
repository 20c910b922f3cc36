import { randomUUID } from 'node:crypto';
import { CoachProfilesStream } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { populationMemberId, type PopulationMember } from '../coach-profiles/domain/population-member';
import type { CoachPopulationRepository } from '../coach-profiles/ports/coach-population.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

const events = new EventFactory('identity');

/** What every {@link CoachPopulationRepository} guarantees, against the fake (unit) and Mongo (integration). */
export function describeCoachPopulationRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<CoachPopulationRepository>,
): void {
  describe(`${name} (coach population repository contract)`, () => {
    const subject = freshForEachTest(make);

    function member(
      coachId: string,
      userId: string,
      overrides: Partial<PopulationMember> = {},
    ): PopulationMember {
      return {
        id: populationMemberId(subject.tenantId, coachId, userId),
        tenantId: subject.tenantId,
        coachId,
        userId,
        status: 'member',
        userVersion: 1,
        populationVersion: 1,
        updatedAt: new Date('2026-03-02T09:00:00.000Z'),
        version: 1,
        ...overrides,
      };
    }

    it('inserts members with their events, finds them by coach and user, and refuses a second insert', async () => {
      const coachId = randomUUID();
      const added = member(coachId, randomUUID());
      const event = events.create(CoachProfilesStream, 'coach-population.member-added', {
        tenantId: subject.tenantId,
        aggregateId: `${coachId}:${added.userId}`,
        aggregateVersion: 1,
        payload: { coachId, userId: added.userId },
      });

      expect(
        await subject.repository.writeMembers([{ member: added, expectedVersion: null, outbox: [event] }]),
      ).toEqual([]);

      expect(
        await subject.repository.findMembers(subject.tenantId, [added, { coachId, userId: randomUUID() }]),
      ).toEqual([added]);
      expect(await subject.repository.findMembers(contractTenant(), [added])).toEqual([]);
      expect(await subject.outboxOf(added.id)).toEqual([event]);
      expect(
        await subject.repository.writeMembers([{ member: added, expectedVersion: null, outbox: [] }]),
      ).toEqual([added.id]);
    });

    it('changes a member by compare-and-set, answering the ones another writer changed first', async () => {
      const coachId = randomUUID();
      const first = member(coachId, randomUUID());
      const second = member(coachId, randomUUID());
      await subject.repository.writeMembers(
        [first, second].map((m) => ({ member: m, expectedVersion: null, outbox: [] })),
      );
      const removed = { ...first, status: 'removed' as const, version: 2 };

      expect(
        await subject.repository.writeMembers([
          { member: removed, expectedVersion: 1, outbox: [] },
          { member: { ...second, version: 3 }, expectedVersion: 2, outbox: [] },
        ]),
      ).toEqual([second.id]);

      expect(await subject.repository.findMembers(subject.tenantId, [first, second])).toEqual(
        expect.arrayContaining([removed, second]),
      );
    });

    it("lists a coach's members in user order, page by page, without the removed ones; drops them all with the coach", async () => {
      const coachId = randomUUID();
      const userIds = [randomUUID(), randomUUID(), randomUUID()].sort();
      await subject.repository.writeMembers([
        ...userIds.map((userId) => ({ member: member(coachId, userId), expectedVersion: null, outbox: [] })),
        { member: member(coachId, randomUUID(), { status: 'removed' }), expectedVersion: null, outbox: [] },
        { member: member(randomUUID(), randomUUID()), expectedVersion: null, outbox: [] },
      ]);

      const first = await subject.repository.listMembers(subject.tenantId, coachId, { limit: 2 });
      const second = await subject.repository.listMembers(subject.tenantId, coachId, {
        limit: 2,
        cursor: first.nextCursor ?? '',
      });
      expect([...first.items, ...second.items].map((m) => m.userId)).toEqual(userIds);
      expect(second.nextCursor).toBeNull();

      await subject.repository.deleteCoach(subject.tenantId, coachId);
      expect((await subject.repository.listMembers(subject.tenantId, coachId, { limit: 10 })).items).toEqual(
        [],
      );
    });

    it('remembers and forgets the coaches of each user, per tenant', async () => {
      const [ann, bob, coachA, coachB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await subject.repository.rememberCoaches(
        subject.tenantId,
        new Map([
          [ann, [coachA, coachB]],
          [bob, [coachA]],
        ]),
      );
      await subject.repository.rememberCoaches(subject.tenantId, new Map([[ann, [coachA]]]));
      await subject.repository.forgetCoaches(subject.tenantId, new Map([[ann, [coachA]]]));

      const coaches = await subject.repository.coachesOfUsers(subject.tenantId, [ann, bob, randomUUID()]);
      expect(Object.fromEntries(coaches)).toEqual({ [ann]: [coachB], [bob]: [coachA] });
      expect((await subject.repository.coachesOfUsers(contractTenant(), [ann])).size).toBe(0);
    });
  });
}
