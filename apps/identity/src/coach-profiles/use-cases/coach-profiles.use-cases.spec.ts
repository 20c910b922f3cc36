import { UsersStream, type EventEnvelope } from '@lms/contracts';
import { administratorOf, actorFor, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';
import { coachProfileUseCases } from '../../testing/coach-profile-use-cases';
import type { UserChangeForPopulation } from './follow-user-changes.use-case';

function setUp() {
  const testbed = buildIdentityTestbed();
  const coaches = coachProfileUseCases(testbed);

  async function givenUser(customFields: Record<string, string> = {}) {
    const user = await testbed.createUser.execute({
      actor: administratorOf(),
      email: `user-${Math.random().toString(36).slice(2, 10)}@example.com`,
      firstName: 'Lea',
      lastName: 'Learner',
      customFields,
    });
    return user;
  }

  /** Hands the users' events written so far to the population, as identity's consumer does. */
  async function deliverUserEvents(): Promise<void> {
    const changes: UserChangeForPopulation[] = testbed.outbox
      .drain()
      .filter((entry) => entry.topic === UsersStream.topic)
      .map(({ envelope }: { envelope: EventEnvelope }) => ({
        tenantId: envelope.tenantId,
        userId: envelope.aggregateId,
        version: envelope.aggregateVersion,
        customFields:
          envelope.type === 'user.deleted'
            ? null
            : (envelope.payload as { customFields: Record<string, string> }).customFields,
      }));
    await coaches.followUserChanges.execute(changes);
  }

  /** Runs every chunk of the recomputation the last definition enqueued. */
  async function recompute(coachId: string): Promise<void> {
    const profile = await coaches.coachProfiles.findById(TEST_TENANT, coachId);
    for (let i = 0; i < 100; i++) {
      const { more } = await coaches.recomputeCoachPopulation.runChunk({
        tenantId: TEST_TENANT,
        coachId,
        populationVersion: profile?.populationVersion ?? 0,
      });
      if (!more) return;
    }
  }

  async function populationOf(coachId: string) {
    return coaches.getCoachPopulation.execute({ actor: administratorOf(), coachId, page: { limit: 50 } });
  }

  async function givenCoach(filters: Array<{ field: string; value: string }>) {
    const manager = await givenUser({ COUNTRY: 'UK' });
    const learner = await givenUser({ COUNTRY: 'UK' });
    const { profile } = await coaches.defineCoachProfile.execute({
      actor: administratorOf(),
      managerUserId: manager.id,
      learnerUserId: learner.id,
      roleLearnerManager: 'learners',
      roleCoach: 'coach',
      filters,
    });
    return { manager, learner, profile };
  }

  return { testbed, coaches, givenUser, deliverUserEvents, recompute, populationOf, givenCoach };
}

describe('coach profiles and populations (ID-C1, ID-C3)', () => {
  it('given matching users, when a coach is linked and its population recomputed, then the population holds exactly them, without its own accounts, and tells the filter values nobody holds', async () => {
    const { testbed, coaches, givenUser, recompute, populationOf, givenCoach } = setUp();
    const ann = await givenUser({ COUNTRY: 'UK' });
    await givenUser({ COUNTRY: 'United-Kingdom' });
    await givenUser({ COUNTRY: 'uk' });
    const { profile } = await givenCoach([
      { field: 'COUNTRY', value: 'UK' },
      { field: 'COUNTRY', value: 'Atlantis' },
    ]);
    testbed.outbox.drain();

    await recompute(profile.id);

    const population = await populationOf(profile.id);
    expect(population.items.map((user) => user.id)).toEqual([ann.id]);
    expect(population.recomputedAt).toEqual(testbed.clock.now());
    expect(population.unmatchedFilters).toEqual([{ field: 'COUNTRY', value: 'Atlantis' }]);
    expect(testbed.outbox.envelopes().map((e) => [e.type, (e.payload as { userId: string }).userId])).toEqual(
      [['coach-population.member-added', ann.id]],
    );
    expect(await coaches.coachProfiles.findById(TEST_TENANT, profile.id)).toMatchObject({
      populationCursor: null,
    });
  });

  it('given a coach, then it reads its own population through either of its accounts, and nobody else but administrators reads it (CO-W5)', async () => {
    const { coaches, givenUser, recompute, givenCoach } = setUp();
    const ann = await givenUser({ COUNTRY: 'UK' });
    const { manager, learner, profile } = await givenCoach([{ field: 'COUNTRY', value: 'UK' }]);
    const other = await givenUser({ COUNTRY: 'UK' });
    await recompute(profile.id);
    const read = (userId: string, coachId = profile.id) =>
      coaches.getCoachPopulation.execute({
        actor: { tenantId: TEST_TENANT, userId, level: 'user', roles: [] },
        coachId,
        page: { limit: 50 },
      });

    for (const account of [manager, learner])
      expect((await read(account.id)).items.map((user) => user.id)).toContain(ann.id);
    await expect(read(other.id)).rejects.toMatchObject({ code: 'COACH_PROFILE.FORBIDDEN' });
    await expect(read(manager.id, other.id)).rejects.toMatchObject({ code: 'COACH_PROFILE.FORBIDDEN' });
  });

  it("given a coach's population, when users are created, change their custom fields or are deleted, then the population follows their events", async () => {
    const { testbed, givenUser, deliverUserEvents, recompute, populationOf, givenCoach } = setUp();
    const { profile } = await givenCoach([{ field: 'COUNTRY', value: 'UK' }]);
    await recompute(profile.id);
    testbed.outbox.drain();

    const ann = await givenUser({ COUNTRY: 'UK' });
    const bob = await givenUser({ COUNTRY: 'FR' });
    await deliverUserEvents();
    expect((await populationOf(profile.id)).items.map((u) => u.id)).toEqual([ann.id]);

    await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: bob.id,
      changes: { customFields: { COUNTRY: 'UK' } },
    });
    await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: ann.id,
      changes: { customFields: { COUNTRY: 'IE' } },
    });
    await deliverUserEvents();
    expect((await populationOf(profile.id)).items.map((u) => u.id)).toEqual([bob.id]);

    await testbed.deleteUser.execute({ actor: administratorOf(), userId: bob.id });
    await deliverUserEvents();
    expect((await populationOf(profile.id)).items).toEqual([]);
    expect(testbed.outbox.envelopes().map((e) => [e.type, (e.payload as { userId: string }).userId])).toEqual(
      [['coach-population.member-removed', bob.id]],
    );
  });

  it('given a stale event of a user, when it comes after a newer one, then the population keeps the newer state', async () => {
    const { coaches, testbed, givenUser, recompute, populationOf, givenCoach } = setUp();
    const { profile } = await givenCoach([{ field: 'COUNTRY', value: 'UK' }]);
    await recompute(profile.id);
    const ann = await givenUser({ COUNTRY: 'FR' });
    testbed.outbox.drain();

    await coaches.followUserChanges.execute([
      { tenantId: TEST_TENANT, userId: ann.id, version: 3, customFields: { COUNTRY: 'UK' } },
    ]);
    await coaches.followUserChanges.execute([
      { tenantId: TEST_TENANT, userId: ann.id, version: 2, customFields: { COUNTRY: 'FR' } },
    ]);

    expect((await populationOf(profile.id)).items.map((u) => u.id)).toEqual([ann.id]);
  });

  it('given a change of filters, then the population is recomputed: members who no longer match leave', async () => {
    const { coaches, testbed, givenUser, recompute, populationOf, givenCoach } = setUp();
    const ann = await givenUser({ COUNTRY: 'UK' });
    const bob = await givenUser({ COUNTRY: 'IE' });
    const { profile, manager, learner } = await givenCoach([{ field: 'COUNTRY', value: 'UK' }]);
    await recompute(profile.id);

    const { profile: changed, created } = await coaches.defineCoachProfile.execute({
      actor: administratorOf(),
      managerUserId: manager.id,
      learnerUserId: learner.id,
      roleLearnerManager: 'learners',
      roleCoach: 'coach',
      filters: [{ field: 'COUNTRY', value: 'IE' }],
    });
    expect(created).toBe(false);
    expect(changed).toMatchObject({ populationVersion: 2, populationRecomputedAt: null, version: 3 });
    expect(await testbed.jobs.countOpen('coach-profile.population')).toBe(2);
    await recompute(profile.id);

    expect((await populationOf(profile.id)).items.map((u) => u.id)).toEqual([bob.id]);
    expect(ann.id).not.toEqual(bob.id);
  });

  it('given broken rules, then each is refused with its own code and nothing is stored', async () => {
    const { coaches, givenUser, testbed } = setUp();
    const manager = await givenUser();
    const learner = await givenUser();
    const gone = await givenUser();
    await testbed.changeUserState.execute({
      actor: administratorOf(),
      userId: gone.id,
      action: 'deactivate',
    });
    const define = (overrides: Record<string, unknown>) =>
      coaches.defineCoachProfile.execute({
        actor: administratorOf(),
        managerUserId: manager.id,
        learnerUserId: learner.id,
        roleLearnerManager: 'learners',
        roleCoach: 'coach',
        filters: [],
        ...overrides,
      });

    await expect(define({ learnerUserId: manager.id })).rejects.toMatchObject({
      code: 'COACH_PROFILE.SAME_ACCOUNT',
    });
    await expect(define({ learnerUserId: '0190a000-0000-7000-8000-000000000000' })).rejects.toMatchObject({
      code: 'COACH_PROFILE.ACCOUNT_NOT_FOUND',
    });
    await expect(define({ learnerUserId: gone.id })).rejects.toMatchObject({
      code: 'COACH_PROFILE.ACCOUNT_INACTIVE',
    });
    await expect(define({ roleCoach: ' ' })).rejects.toMatchObject({ code: 'COACH_PROFILE.ROLE_INVALID' });
    await expect(
      define({ filters: Array.from({ length: 21 }, (_, i) => ({ field: 'F', value: `v${i}` })) }),
    ).rejects.toMatchObject({ code: 'COACH_PROFILE.TOO_MANY_FILTERS' });
    await expect(define({ filters: [{ field: 'COUNTRY', value: 'x'.repeat(101) }] })).rejects.toMatchObject({
      code: 'COACH_PROFILE.FILTER_INVALID',
    });
    await expect(
      coaches.defineCoachProfile.execute({
        actor: actorFor(learner),
        managerUserId: manager.id,
        learnerUserId: learner.id,
        roleLearnerManager: 'learners',
        roleCoach: 'coach',
        filters: [],
      }),
    ).rejects.toMatchObject({ code: 'COACH_PROFILE.FORBIDDEN' });
    expect(await coaches.coachProfiles.findStored(TEST_TENANT, manager.id)).toBeNull();
  });

  it('given a coach, when it is deleted, then it is not found, its population is gone and coach-profile.deleted is written', async () => {
    const { coaches, testbed, givenUser, recompute, givenCoach } = setUp();
    await givenUser({ COUNTRY: 'UK' });
    const { profile } = await givenCoach([{ field: 'COUNTRY', value: 'UK' }]);
    await recompute(profile.id);
    testbed.outbox.drain();

    await coaches.deleteCoachProfile.execute({ actor: administratorOf(), coachId: profile.id });

    expect(testbed.outbox.envelopes().map((e) => e.type)).toEqual(['coach-profile.deleted']);
    await expect(
      coaches.getCoachProfile.execute({ actor: administratorOf(), coachId: profile.id }),
    ).rejects.toMatchObject({ code: 'COACH_PROFILE.NOT_FOUND' });
    expect((await coaches.population.listMembers(TEST_TENANT, profile.id, { limit: 10 })).items).toEqual([]);
    expect(
      (await coaches.listCoachProfiles.execute({ actor: administratorOf(), page: { limit: 10 } })).items,
    ).toEqual([]);
  });

  it('given a learner account linked to a coach, then another coach may not link it until the first moves on or is deleted; the first coach changes nothing else by it', async () => {
    const { coaches, testbed, givenUser, givenCoach } = setUp();
    const first = await givenCoach([]);
    const other = await givenUser();
    const define = (managerUserId: string, learnerUserId: string) =>
      coaches.defineCoachProfile.execute({
        actor: administratorOf(),
        managerUserId,
        learnerUserId,
        roleLearnerManager: 'learners',
        roleCoach: 'coach',
        filters: [],
      });
    testbed.outbox.drain();

    await expect(define(other.id, first.learner.id)).rejects.toMatchObject({
      code: 'COACH_PROFILE.LEARNER_ACCOUNT_TAKEN',
      details: { learnerUserId: first.learner.id, coachId: first.manager.id },
    });
    expect(testbed.outbox.envelopes()).toEqual([]);
    expect(await coaches.coachProfiles.findById(TEST_TENANT, other.id)).toBeNull();
    // The first coach may define its own profile again with the same learner account.
    expect((await define(first.manager.id, first.learner.id)).created).toBe(false);

    // It moves on to another learner account: the first is free.
    const next = await givenUser();
    await define(first.manager.id, next.id);
    expect((await define(other.id, first.learner.id)).created).toBe(true);
    await expect(define(first.manager.id, first.learner.id)).rejects.toMatchObject({
      code: 'COACH_PROFILE.LEARNER_ACCOUNT_TAKEN',
    });

    // Deleting a coach frees its learner account.
    await coaches.deleteCoachProfile.execute({ actor: administratorOf(), coachId: other.id });
    expect((await define(first.manager.id, first.learner.id)).profile.learnerUserId).toBe(first.learner.id);
  });

  it('given a claim left by a crash before its profile was written, then it holds for a minute and is then taken over', async () => {
    const { coaches, testbed, givenUser } = setUp();
    const [crashed, learner, coach] = [await givenUser(), await givenUser(), await givenUser()];
    await coaches.learnerLinks.claim({
      tenantId: TEST_TENANT,
      learnerUserId: learner.id,
      coachId: crashed.id,
      claimedAt: testbed.clock.now(),
    });
    const define = () =>
      coaches.defineCoachProfile.execute({
        actor: administratorOf(),
        managerUserId: coach.id,
        learnerUserId: learner.id,
        roleLearnerManager: 'learners',
        roleCoach: 'coach',
        filters: [],
      });

    await expect(define()).rejects.toMatchObject({ code: 'COACH_PROFILE.LEARNER_ACCOUNT_TAKEN' });
    testbed.clock.advance(60_000);
    expect((await define()).profile).toMatchObject({ id: coach.id, learnerUserId: learner.id });
  });
});
