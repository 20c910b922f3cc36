import { newId } from '@lms/kernel';
import type { Assignment } from '../assignments/domain/assignment';
import type { AssignmentRepository } from '../assignments/ports/assignment.repository';

const PAGE = { limit: 50 };

function newTenant(): string {
  return `contract-${newId()}`;
}

function derivedAssignment(tenantId: string, overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: newId(),
    tenantId,
    menteeId: newId(),
    coachIds: [newId()],
    origin: 'group',
    groupAssignmentId: newId(),
    groupId: newId(),
    startDate: '2025-03-01',
    endDate: null,
    status: 'current',
    active: true,
    createdAt: new Date('2025-03-01T10:00:00.000Z'),
    updatedAt: new Date('2025-03-01T10:00:00.000Z'),
    endedAt: null,
    endReason: null,
    deletedAt: null,
    membershipVersion: 1,
    lastInteractionAt: null,
    expiryNoticeSentFor: null,
    version: 1,
    ...overrides,
  };
}

function individualAssignment(tenantId: string, overrides: Partial<Assignment> = {}): Assignment {
  return derivedAssignment(tenantId, {
    origin: 'individual',
    groupAssignmentId: null,
    groupId: null,
    ...overrides,
  });
}

function ended(assignment: Assignment): Assignment {
  return {
    ...assignment,
    status: 'ended',
    endedAt: new Date('2025-03-05T10:00:00.000Z'),
    endReason: 'membership.removed',
    updatedAt: new Date('2025-03-05T10:00:00.000Z'),
    version: assignment.version + 1,
  };
}

/**
 * What every {@link AssignmentRepository} must do, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake the use case tests rely on
 * behaves like the real thing. Each test works in a tenant of its own.
 */
export function describeAssignmentRepositoryContract(name: string, make: () => AssignmentRepository): void {
  describe(`${name} (assignment repository contract)`, () => {
    it('inserts a derived assignment once per (tenant, group assignment, mentee) and returns only the ids it inserted', async () => {
      const repo = make();
      const tenantId = newTenant();
      const first = derivedAssignment(tenantId);
      const again = { ...first, id: newId() };
      const other = derivedAssignment(tenantId, {
        groupAssignmentId: first.groupAssignmentId,
        groupId: first.groupId,
      });

      expect(await repo.insertDerivedIfAbsent(tenantId, [{ assignment: first, outbox: [] }])).toEqual([
        first.id,
      ]);
      expect(
        (
          await repo.insertDerivedIfAbsent(tenantId, [
            { assignment: again, outbox: [] },
            { assignment: other, outbox: [] },
          ])
        ).sort(),
      ).toEqual([other.id]);

      expect(await repo.findById(tenantId, first.id)).toEqual(first);
      expect(await repo.findById(tenantId, again.id)).toBeNull();
      const sameKeyOtherTenant = { ...first, id: newId(), tenantId: newTenant() };
      expect(
        await repo.insertDerivedIfAbsent(sameKeyOtherTenant.tenantId, [
          { assignment: sameKeyOtherTenant, outbox: [] },
        ]),
      ).toEqual([sameKeyOtherTenant.id]);
      expect(await repo.findById(tenantId, sameKeyOtherTenant.id)).toBeNull();
    });

    it('ends a current assignment only at the expected version, then lets a new current one take its place', async () => {
      const repo = make();
      const tenantId = newTenant();
      const assignment = derivedAssignment(tenantId);
      await repo.insertDerivedIfAbsent(tenantId, [{ assignment, outbox: [] }]);

      expect(await repo.save(tenantId, { assignment: ended(assignment), outbox: [] }, 7)).toBe(false);
      expect(await repo.save(newTenant(), { assignment: ended(assignment), outbox: [] }, 1)).toBe(false);
      expect(await repo.save(tenantId, { assignment: ended(assignment), outbox: [] }, 1)).toBe(true);
      expect(await repo.save(tenantId, { assignment: ended(assignment), outbox: [] }, 1)).toBe(false);
      expect(await repo.findById(tenantId, assignment.id)).toEqual(ended(assignment));

      const comeback = { ...assignment, id: newId(), createdAt: new Date('2025-04-01T10:00:00.000Z') };
      expect(await repo.insertDerivedIfAbsent(tenantId, [{ assignment: comeback, outbox: [] }])).toEqual([
        comeback.id,
      ]);
      expect(
        (
          await repo.listCurrentDerivedFor(tenantId, assignment.groupAssignmentId ?? '', [
            assignment.menteeId,
          ])
        ).map((a) => a.id),
      ).toEqual([comeback.id]);
    });

    it("lists a group assignment's current derived assignments for some mentees", async () => {
      const repo = make();
      const tenantId = newTenant();
      const a = derivedAssignment(tenantId);
      const sameMemberOtherGa = derivedAssignment(tenantId, { menteeId: a.menteeId, groupId: a.groupId });
      const sameMemberOtherGroup = derivedAssignment(tenantId, { menteeId: a.menteeId });
      const sameGaOtherMentee = derivedAssignment(tenantId, {
        groupAssignmentId: a.groupAssignmentId,
        groupId: a.groupId,
      });
      const items = [a, sameMemberOtherGa, sameMemberOtherGroup, sameGaOtherMentee];
      await repo.insertDerivedIfAbsent(
        tenantId,
        items.map((assignment) => ({ assignment, outbox: [] })),
      );
      await repo.save(tenantId, { assignment: ended(sameMemberOtherGa), outbox: [] }, 1);

      expect(
        (
          await repo.listCurrentDerivedFor(tenantId, a.groupAssignmentId ?? '', [
            a.menteeId,
            sameGaOtherMentee.menteeId,
          ])
        )
          .map((x) => x.id)
          .sort(),
      ).toEqual([a.id, sameGaOtherMentee.id].sort());
      expect(await repo.listCurrentDerivedFor(tenantId, a.groupAssignmentId ?? '', [])).toEqual([]);
      expect(await repo.listCurrentDerivedFor(newTenant(), a.groupAssignmentId ?? '', [a.menteeId])).toEqual(
        [],
      );
    });

    it('inserts an individual assignment, saves its changes only at the expected version, and hides it once deleted', async () => {
      const repo = make();
      const tenantId = newTenant();
      const assignment = individualAssignment(tenantId);
      await repo.insert({ assignment, outbox: [] });
      expect(await repo.findById(tenantId, assignment.id)).toEqual(assignment);

      const off = { ...assignment, active: false, version: 2 };
      expect(await repo.save(tenantId, { assignment: off, outbox: [] }, 2)).toBe(false);
      expect(await repo.save(tenantId, { assignment: off, outbox: [] }, 1)).toBe(true);
      expect(await repo.findById(tenantId, assignment.id)).toEqual(off);
      expect((await repo.list(tenantId, { active: false, origin: 'individual' }, PAGE)).items).toEqual([off]);
      expect((await repo.list(tenantId, { active: true }, PAGE)).items).toEqual([]);

      const deleted = { ...off, deletedAt: new Date('2025-03-06T10:00:00.000Z'), version: 3 };
      expect(await repo.save(tenantId, { assignment: deleted, outbox: [] }, 2)).toBe(true);
      expect(await repo.findById(tenantId, assignment.id)).toBeNull();
      expect((await repo.list(tenantId, {}, PAGE)).items).toEqual([]);
    });

    it('finds the individual assignments the calendar moves on a day, by id, a batch at a time', async () => {
      const repo = make();
      const tenantId = newTenant();
      const today = '2025-03-10';
      const due = [
        individualAssignment(tenantId, { status: 'scheduled', startDate: '2025-03-10' }),
        individualAssignment(tenantId, { status: 'current', endDate: '2025-03-09' }),
        individualAssignment(tenantId, {
          status: 'scheduled',
          startDate: '2025-03-01',
          endDate: '2025-03-05',
        }),
        // A derived one starts on the calendar too (its end follows its group assignment).
        derivedAssignment(tenantId, { status: 'scheduled', startDate: '2025-03-10' }),
      ];
      const notDue = [
        individualAssignment(tenantId, { status: 'scheduled', startDate: '2025-03-11' }),
        individualAssignment(tenantId, { status: 'current', endDate: '2025-03-10' }),
        individualAssignment(tenantId, { status: 'current', endDate: null }),
        individualAssignment(tenantId, { status: 'expired', endDate: '2025-03-01' }),
        individualAssignment(tenantId, { status: 'ended', endDate: '2025-03-01' }),
        individualAssignment(tenantId, {
          endDate: '2025-03-01',
          deletedAt: new Date('2025-03-02T00:00:00.000Z'),
        }),
        derivedAssignment(tenantId, { endDate: '2025-03-01' }),
      ];
      for (const assignment of [...due, ...notDue]) await repo.insert({ assignment, outbox: [] });

      // Other tests' tenants share the collection: keep only this one's.
      const mine = async (after: string | null, limit: number) =>
        (await repo.listDueOnCalendar({ today, noticeUntil: null }, after, limit)).filter(
          (a) => a.tenantId === tenantId,
        );
      const ids = due.map((a) => a.id).sort();
      expect((await mine(null, 1_000)).map((a) => a.id)).toEqual(ids);
      expect((await mine(ids[0], 1_000)).map((a) => a.id)).toEqual(ids.slice(1));
      const firstBatch = await repo.listDueOnCalendar({ today, noticeUntil: null }, null, 2);
      expect(firstBatch).toHaveLength(2);
      expect(firstBatch[0].id < firstBatch[1].id).toBe(true);
    });

    it('finds the current, active individual assignments ending within the notice period whose end was not announced yet', async () => {
      const repo = make();
      const tenantId = newTenant();
      const days = { today: '2025-03-10', noticeUntil: '2025-03-17' };
      const due = [
        individualAssignment(tenantId, { status: 'current', endDate: '2025-03-10' }),
        individualAssignment(tenantId, { status: 'current', endDate: '2025-03-17' }),
      ];
      const notDue = [
        individualAssignment(tenantId, { status: 'current', endDate: '2025-03-18' }),
        individualAssignment(tenantId, { status: 'current', endDate: '2025-03-12', active: false }),
        individualAssignment(tenantId, {
          status: 'current',
          endDate: '2025-03-12',
          expiryNoticeSentFor: '2025-03-12',
        }),
        individualAssignment(tenantId, {
          status: 'scheduled',
          startDate: '2025-03-11',
          endDate: '2025-03-12',
        }),
        derivedAssignment(tenantId, { endDate: '2025-03-12' }),
      ];
      for (const assignment of [...due, ...notDue]) await repo.insert({ assignment, outbox: [] });

      const found = (await repo.listDueOnCalendar(days, null, 1_000)).filter((a) => a.tenantId === tenantId);
      expect(found.map((a) => a.id)).toEqual(due.map((a) => a.id).sort());
      const withoutNotices = await repo.listDueOnCalendar({ ...days, noticeUntil: null }, null, 1_000);
      expect(withoutNotices.filter((a) => a.tenantId === tenantId)).toEqual([]);
    });

    it("saves several changes in one call, each only at its expected version, and pages a group assignment's derived ones by id", async () => {
      const repo = make();
      const tenantId = newTenant();
      const groupAssignmentId = newId();
      const items = [1, 2, 3, 4].map(() => derivedAssignment(tenantId, { groupAssignmentId }));
      await repo.insertDerivedIfAbsent(
        tenantId,
        items.map((assignment) => ({ assignment, outbox: [] })),
      );
      await repo.insertDerivedIfAbsent(tenantId, [{ assignment: derivedAssignment(tenantId), outbox: [] }]);
      const ids = items.map((a) => a.id).sort();

      expect((await repo.listDerivedAfter(tenantId, groupAssignmentId, null, 3)).map((a) => a.id)).toEqual(
        ids.slice(0, 3),
      );
      expect((await repo.listDerivedAfter(tenantId, groupAssignmentId, ids[2], 3)).map((a) => a.id)).toEqual([
        ids[3],
      ]);
      expect(await repo.listDerivedAfter(newTenant(), groupAssignmentId, null, 3)).toEqual([]);

      const off = (a: Assignment): Assignment => ({ ...a, active: false, version: 2 });
      const written = await repo.saveMany(tenantId, [
        { assignment: off(items[0]), outbox: [], expectedVersion: 1 },
        { assignment: off(items[1]), outbox: [], expectedVersion: 5 },
        {
          assignment: { ...off(items[2]), deletedAt: new Date('2025-03-04T00:00:00.000Z') },
          outbox: [],
          expectedVersion: 1,
        },
      ]);

      expect(written).toBe(2);
      expect((await repo.findById(tenantId, items[0].id))?.active).toBe(false);
      expect((await repo.findById(tenantId, items[1].id))?.active).toBe(true);
      expect(await repo.findById(tenantId, items[2].id)).toBeNull();
      expect(
        (await repo.listDerivedAfter(tenantId, groupAssignmentId, null, 10)).map((a) => a.id),
      ).not.toContain(items[2].id);
      expect(await repo.saveMany(tenantId, [])).toBe(0);
    });

    it('inserts individual assignments by id once, and reads the scheduled and current ones of some mentees', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [a, b] = [
        individualAssignment(tenantId),
        individualAssignment(tenantId, { status: 'scheduled' }),
      ];
      const endedOne = individualAssignment(tenantId, { menteeId: a.menteeId, status: 'ended' });

      expect(
        (
          await repo.insertIfAbsent(
            tenantId,
            [a, b, endedOne].map((assignment) => ({ assignment, outbox: [] })),
          )
        ).sort(),
      ).toEqual([a.id, b.id, endedOne.id].sort());
      expect(
        await repo.insertIfAbsent(tenantId, [{ assignment: { ...a, coachIds: ['other'] }, outbox: [] }]),
      ).toEqual([]);
      expect((await repo.findById(tenantId, a.id))?.coachIds).toEqual(a.coachIds);

      expect((await repo.listLiveOf(tenantId, [a.menteeId, b.menteeId])).map((x) => x.id).sort()).toEqual(
        [a.id, b.id].sort(),
      );
      expect(await repo.listLiveOf(newTenant(), [a.menteeId])).toEqual([]);
      expect(await repo.listLiveOf(tenantId, [])).toEqual([]);
    });

    it('filters by group, start range and the day in force, sorts, streams and counts what it keeps', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [group, coach, other] = [newId(), newId(), newId()];
      const at = (day: string) => new Date(`${day}T10:00:00.000Z`);
      const january = individualAssignment(tenantId, {
        groupId: group,
        coachIds: [coach],
        startDate: '2025-01-10',
        endDate: '2025-01-31',
        createdAt: at('2025-01-01'),
      });
      const february = individualAssignment(tenantId, {
        groupId: group,
        coachIds: [coach, other],
        startDate: '2025-02-01',
        createdAt: at('2025-01-02'),
      });
      const endedEarly = individualAssignment(tenantId, {
        coachIds: [other],
        startDate: '2025-01-01',
        status: 'ended',
        endedAt: at('2025-01-15'),
        createdAt: at('2025-01-03'),
      });
      for (const assignment of [january, february, endedEarly]) await repo.insert({ assignment, outbox: [] });
      const ids = async (filter: object, sort?: 'startDate' | '-startDate') =>
        (await repo.list(tenantId, filter, PAGE, sort)).items.map((a) => a.id);

      expect(await ids({ groupId: group })).toEqual([february.id, january.id]);
      expect(await ids({ startFrom: '2025-01-05', startTo: '2025-01-31' })).toEqual([january.id]);
      expect(await ids({ on: '2025-01-20' })).toEqual([january.id]);
      expect(await ids({ on: '2025-01-14' }, 'startDate')).toEqual([endedEarly.id, january.id]);
      expect(await ids({ on: '2025-02-02' })).toEqual([february.id]);
      expect(await ids({}, 'startDate')).toEqual([endedEarly.id, january.id, february.id]);
      expect(await ids({}, '-startDate')).toEqual([february.id, january.id, endedEarly.id]);

      const streamed: string[] = [];
      for await (const assignment of repo.stream(tenantId, { coachId: other }, 'startDate'))
        streamed.push(assignment.id);
      expect(streamed).toEqual([endedEarly.id, february.id]);

      expect(await repo.count(tenantId, {})).toEqual({
        total: 3,
        byStatus: { current: 2, ended: 1 },
        byCoach: expect.arrayContaining([
          { coachId: coach, count: 2 },
          { coachId: other, count: 2 },
        ]),
        byGroup: [
          { groupId: group, count: 2 },
          { groupId: null, count: 1 },
        ],
      });
      expect(await repo.count(newTenant(), {})).toEqual({ total: 0, byStatus: {}, byCoach: [], byGroup: [] });
    });

    it("reads a group assignment's current derived assignments by a range of mentees", async () => {
      const repo = make();
      const tenantId = newTenant();
      const groupAssignmentId = newId();
      const mentees = ['m1', 'm2', 'm3', 'm4'];
      const items = mentees.map((menteeId) => derivedAssignment(tenantId, { groupAssignmentId, menteeId }));
      await repo.insertDerivedIfAbsent(
        tenantId,
        items.map((assignment) => ({ assignment, outbox: [] })),
      );
      await repo.save(tenantId, { assignment: ended(items[2]), outbox: [] }, 1);
      const range = async (after: string | null, until: string | null) =>
        (await repo.listCurrentDerivedInRange(tenantId, groupAssignmentId, after, until))
          .map((a) => a.menteeId)
          .sort();

      expect(await range('m1', 'm3')).toEqual(['m2']);
      expect(await range(null, 'm2')).toEqual(['m1', 'm2']);
      expect(await range('m2', null)).toEqual(['m4']);
      expect(await repo.listCurrentDerivedInRange(newTenant(), groupAssignmentId, null, null)).toEqual([]);
    });

    it('notes the last interaction, only ever later, and no change of the assignment writes it back from a read', async () => {
      const repo = make();
      const tenantId = newTenant();
      const assignment = individualAssignment(tenantId);
      await repo.insert({ assignment, outbox: [] });
      const [early, late] = [new Date('2025-03-05T10:00:00.000Z'), new Date('2025-03-06T10:00:00.000Z')];

      await repo.recordInteraction(tenantId, assignment.id, late);
      await repo.recordInteraction(tenantId, assignment.id, early);
      await repo.recordInteraction(newTenant(), assignment.id, new Date('2025-04-01T00:00:00.000Z'));
      expect((await repo.findById(tenantId, assignment.id))?.lastInteractionAt).toEqual(late);

      // A change decided on a read taken before the messages.
      await repo.save(tenantId, { assignment: { ...assignment, active: false, version: 2 }, outbox: [] }, 1);
      expect(await repo.findById(tenantId, assignment.id)).toMatchObject({
        active: false,
        lastInteractionAt: late,
      });
    });

    it('lists newest first with filters, a page at a time', async () => {
      const repo = make();
      const tenantId = newTenant();
      const coach = newId();
      const items = [1, 2, 3].map((day) =>
        derivedAssignment(tenantId, {
          coachIds: [coach, newId()],
          createdAt: new Date(`2025-03-0${day}T10:00:00.000Z`),
        }),
      );
      const otherCoach = derivedAssignment(tenantId);
      await repo.insertDerivedIfAbsent(
        tenantId,
        [...items, otherCoach].map((assignment) => ({ assignment, outbox: [] })),
      );
      await repo.save(tenantId, { assignment: ended(items[0]), outbox: [] }, 1);

      const byCoach = await repo.list(tenantId, { coachId: coach }, { limit: 2 });
      expect(byCoach).toMatchObject({ limit: 2, nextCursor: expect.any(String) });
      expect(byCoach.items.map((a) => a.id)).toEqual([items[2].id, items[1].id]);
      const lastByCoach = await repo.list(
        tenantId,
        { coachId: coach },
        { limit: 2, cursor: byCoach.nextCursor ?? undefined },
      );
      expect(lastByCoach).toMatchObject({ limit: 2, nextCursor: null });
      expect(lastByCoach.items.map((a) => a.id)).toEqual([items[0].id]);
      expect((await repo.list(tenantId, { status: 'ended' }, PAGE)).items.map((a) => a.id)).toEqual([
        items[0].id,
      ]);
      expect(
        (await repo.list(tenantId, { menteeId: otherCoach.menteeId }, PAGE)).items.map((a) => a.id),
      ).toEqual([otherCoach.id]);
      expect(
        (await repo.list(tenantId, { groupAssignmentId: items[1].groupAssignmentId ?? '' }, PAGE)).items.map(
          (a) => a.id,
        ),
      ).toEqual([items[1].id]);
      expect(await repo.list(newTenant(), {}, PAGE)).toEqual({ items: [], ...PAGE, nextCursor: null });
    });

    it('given a sort, then pages follow its field then the id the same way, and a cursor of another sort is refused', async () => {
      const repo = make();
      const tenantId = newTenant();
      // Two start on the same day: the id orders them, across the end of the first page.
      const items = ['2025-03-02', '2025-03-01', '2025-03-02'].map((startDate, at) =>
        individualAssignment(tenantId, {
          startDate,
          createdAt: new Date(`2025-03-0${at + 1}T10:00:00.000Z`),
        }),
      );
      await repo.insertIfAbsent(
        tenantId,
        items.map((assignment) => ({ assignment, outbox: [] })),
      );
      const byStart = [...items]
        .sort((a, b) => a.startDate.localeCompare(b.startDate) || (a.id < b.id ? -1 : 1))
        .map((a) => a.id);
      const ids = (page: { items: Assignment[] }) => page.items.map((a) => a.id);

      const first = await repo.list(tenantId, {}, { limit: 2 }, 'startDate');
      expect(ids(first)).toEqual(byStart.slice(0, 2));
      const cursor = first.nextCursor ?? undefined;
      const last = await repo.list(tenantId, {}, { limit: 2, cursor }, 'startDate');
      expect(last).toMatchObject({ limit: 2, nextCursor: null });
      expect(ids(last)).toEqual(byStart.slice(2));
      expect(ids(await repo.list(tenantId, {}, PAGE, '-startDate'))).toEqual([...byStart].reverse());
      expect(ids(await repo.list(tenantId, {}, PAGE, 'createdAt'))).toEqual(items.map((a) => a.id));

      for (const other of ['-startDate', '-createdAt', 'createdAt'] as const)
        await expect(repo.list(tenantId, {}, { limit: 2, cursor }, other)).rejects.toMatchObject({
          code: 'PAGE.CURSOR_INVALID',
        });
    });
  });
}
