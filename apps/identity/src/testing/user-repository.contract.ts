import { randomUUID } from 'node:crypto';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { registerUser, type User } from '../users/domain/user';
import { markUserDeleted } from '../users/domain/user-lifecycle';
import type { UserRepository } from '../users/ports/user.repository';
import { userCreatedEvent } from '../users/user-events';
import {
  contractTenant,
  freshForEachTest,
  itInsertsAndFindsById,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

const events = new EventFactory('identity');

/**
 * What every {@link UserRepository} guarantees, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describeUserRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<UserRepository>,
): void {
  describe(`${name} (user repository contract)`, () => {
    const subject = freshForEachTest(make);

    const page = { limit: 50 };

    /** A new user of the test's tenant, created at `hour` on 2026-03-02 (ids sort by creation). */
    function user(overrides: { tenantId?: string; email?: string; hour?: number } = {}): User {
      const at = new Date(Date.UTC(2026, 2, 2, overrides.hour ?? 9));
      return registerUser(
        {
          id: newId(at),
          tenantId: overrides.tenantId ?? subject.tenantId,
          email: overrides.email ?? `${randomUUID()}@Example.com`,
          firstName: 'Ada',
          lastName: 'Lovelace',
          locale: 'it',
        },
        at,
      );
    }

    function created(of: User): OutboxEntry {
      return userCreatedEvent(events, of);
    }

    itInsertsAndFindsById(subject, () => user(), created);

    it('answers duplicate for an email the tenant already has, in any case, and stores nothing of it', async () => {
      const first = user({ email: 'Ada.Lovelace@Example.com' });
      await subject.repository.insert(first, [created(first)]);
      const second = user({ email: 'ada.lovelace@EXAMPLE.com' });

      expect(await subject.repository.insert(second, [created(second)])).toBe('duplicate');

      expect(await subject.repository.findById(subject.tenantId, second.id)).toBeNull();
      expect(await subject.outboxOf(second.id)).toEqual([]);
      expect(await subject.repository.findById(subject.tenantId, first.id)).toEqual(first);
    });

    it('refuses a user with an empty email or name, and stores nothing of it', async () => {
      for (const field of ['email', 'firstName', 'lastName'] as const) {
        const blank = { ...user(), [field]: '' };

        await expect(subject.repository.insert(blank, [])).rejects.toThrow();

        expect(await subject.repository.findById(subject.tenantId, blank.id)).toBeNull();
      }
    });

    it('inserts a user, and one with an email another tenant already has', async () => {
      const first = user({ email: 'grace@example.com' });
      await subject.repository.insert(first, []);
      const elsewhere = user({ tenantId: contractTenant(), email: 'grace@example.com' });

      expect(await subject.repository.insert(elsewhere, [])).toBe('inserted');
      expect(await subject.repository.findById(elsewhere.tenantId, elsewhere.id)).toEqual(elsewhere);
    });

    it('answers duplicate for an id already taken, even by another tenant', async () => {
      const first = user();
      await subject.repository.insert(first, []);

      const sameId = { ...user({ tenantId: contractTenant() }), id: first.id };

      expect(await subject.repository.insert(sameId, [])).toBe('duplicate');
      expect(await subject.repository.findById(subject.tenantId, first.id)).toEqual(first);
    });

    it('inserts many at once with their events, answering duplicate for a taken email or id and storing the others', async () => {
      const taken = user({ email: 'taken@example.com' });
      await subject.repository.insert(taken, []);
      const [ada, bob] = [user(), user()];
      const sameEmail = user({ email: 'TAKEN@example.com' });
      const sameId = { ...user(), id: ada.id };

      const bobCreated = created(bob);
      const inserts = [ada, sameEmail, bob, sameId].map((u) => ({
        user: u,
        outbox: u === bob ? [bobCreated] : [created(u)],
      }));

      expect(await subject.repository.insertMany(inserts)).toEqual([
        'inserted',
        'duplicate',
        'inserted',
        'duplicate',
      ]);

      expect(await subject.repository.findById(subject.tenantId, ada.id)).toEqual(ada);
      expect(await subject.repository.findByEmail(subject.tenantId, bob.emailNormalized)).toEqual(bob);
      expect(await subject.repository.findById(subject.tenantId, sameEmail.id)).toBeNull();
      expect(await subject.outboxOf(bob.id)).toEqual([bobCreated]);
      expect(await subject.outboxOf(sameEmail.id)).toEqual([]);
      expect(await subject.repository.insertMany([])).toEqual([]);
    });

    it("lists the tenant's users in creation order, page by page, the cursor reading the next page", async () => {
      const [ada, bob, cy] = [9, 10, 11].map((hour) => user({ hour }));
      for (const u of [cy, ada, user({ tenantId: contractTenant(), hour: 10 }), bob])
        await subject.repository.insert(u, []);

      const first = await subject.repository.list(subject.tenantId, {}, { limit: 2 });
      const last = await subject.repository.list(
        subject.tenantId,
        {},
        { limit: 2, cursor: first.nextCursor ?? undefined },
      );

      expect(first).toEqual({ items: [ada, bob], limit: 2, nextCursor: expect.any(String) });
      expect(last).toEqual({ items: [cy], limit: 2, nextCursor: null });
      expect(await subject.repository.list(contractTenant(), {}, page)).toEqual({
        items: [],
        limit: 50,
        nextCursor: null,
      });
    });

    it('lists only the user with a normalised email when asked', async () => {
      const ada = user({ email: 'Ada@Example.com' });
      await subject.repository.insert(ada, []);
      await subject.repository.insert(user({ email: 'bob@example.com' }), []);
      await subject.repository.insert(user({ tenantId: contractTenant(), email: 'ada@example.com' }), []);

      expect(
        (await subject.repository.list(subject.tenantId, { emailNormalized: 'ada@example.com' }, page)).items,
      ).toEqual([ada]);
      expect(
        (await subject.repository.list(subject.tenantId, { emailNormalized: 'nobody@example.com' }, page))
          .items,
      ).toEqual([]);
    });

    it('finds a user by its normalised email within the tenant only', async () => {
      const ada = user({ email: 'Ada.Lovelace@Example.com' });
      await subject.repository.insert(ada, []);

      expect(await subject.repository.findByEmail(subject.tenantId, 'ada.lovelace@example.com')).toEqual(ada);
      expect(await subject.repository.findByEmail(contractTenant(), 'ada.lovelace@example.com')).toBeNull();
      expect(await subject.repository.findByEmail(subject.tenantId, 'grace@example.com')).toBeNull();
    });

    it('keeps every account field: level, roles, expiry, custom fields and the password hash', async () => {
      const admin = registerUser(
        {
          id: newId(),
          tenantId: subject.tenantId,
          email: `${randomUUID()}@example.com`,
          firstName: 'Ada',
          lastName: 'Lovelace',
          timezone: 'America/New_York',
          customFields: { department: 'Sales', 'cost centre': '42' },
          level: 'superadmin',
          adminRoles: ['application_admin'],
          expiresAt: new Date('2027-01-01T00:00:00.000Z'),
          passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        },
        new Date('2026-03-02T09:00:00.000Z'),
      );
      await subject.repository.insert(admin, []);

      expect(await subject.repository.findById(subject.tenantId, admin.id)).toEqual(admin);
    });

    it('keeps the lifecycle fields: first course access, the state before expiry, a power user scope and profile', async () => {
      const powerUser: User = {
        ...user(),
        level: 'power_user',
        state: 'expired',
        stateBeforeExpiry: 'deactivated',
        firstAccessAt: new Date('2026-03-02T10:00:00.000Z'),
        powerUserScope: { groupIds: [randomUUID(), randomUUID()] },
        permissionProfile: 'enrollments',
      };
      await subject.repository.insert(powerUser, []);

      expect(await subject.repository.findById(subject.tenantId, powerUser.id)).toEqual(powerUser);
    });

    it("finds many by id in one call, in the order asked, leaving out the unknown, the deleted and other tenants' users", async () => {
      const [ada, bob, gone] = [user(), user(), user()];
      const elsewhere = user({ tenantId: contractTenant() });
      for (const each of [ada, bob, gone, elsewhere]) await subject.repository.insert(each, []);
      const deleted = markUserDeleted(gone, new Date('2026-03-03T09:00:00.000Z'));
      expect(await subject.repository.update(deleted, gone.version, [])).toBe('written');

      const found = await subject.repository.findByIds(subject.tenantId, [
        bob.id,
        'no-such-user',
        gone.id,
        elsewhere.id,
        ada.id,
        bob.id,
      ]);

      expect(found).toEqual([bob, ada, bob]);
      expect(await subject.repository.findByIds(subject.tenantId, [])).toEqual([]);
    });

    it('given a deleted user, then nobody finds it, its events are kept, and its email is free again', async () => {
      const ada = user({ email: 'Ada@Example.com' });
      await subject.repository.insert(ada, []);
      const deleted = markUserDeleted(ada, new Date('2026-03-03T09:00:00.000Z'));

      expect(await subject.repository.update(deleted, ada.version, [created(deleted)])).toBe('written');

      expect(await subject.repository.findById(subject.tenantId, ada.id)).toBeNull();
      expect(await subject.repository.findByEmail(subject.tenantId, 'ada@example.com')).toBeNull();
      expect((await subject.repository.list(subject.tenantId, {}, page)).items).toEqual([]);
      expect(await subject.outboxOf(ada.id)).toHaveLength(1);
      const again = user({ email: 'ada@example.com' });
      expect(await subject.repository.insert(again, [])).toBe('inserted');
    });

    it('lists by state, level, custom field (exactly) and administrative role', async () => {
      const ada = { ...user({ hour: 9 }), customFields: { COUNTRY: 'UK' } };
      const bob = {
        ...user({ hour: 10 }),
        state: 'deactivated' as const,
        customFields: { COUNTRY: 'United-Kingdom' },
      };
      const cy = {
        ...user({ hour: 11 }),
        level: 'superadmin' as const,
        adminRoles: ['application_admin' as const],
      };
      for (const each of [ada, bob, cy]) await subject.repository.insert(each, []);
      const ids = async (filter: Parameters<UserRepository['list']>[1]) =>
        (await subject.repository.list(subject.tenantId, filter, page)).items.map((each) => each.id);

      expect(await ids({ state: 'deactivated' })).toEqual([bob.id]);
      expect(await ids({ state: 'activated' })).toEqual([ada.id, cy.id]);
      expect(await ids({ level: 'superadmin' })).toEqual([cy.id]);
      expect(await ids({ customField: { key: 'COUNTRY', value: 'UK' } })).toEqual([ada.id]);
      expect(await ids({ customField: { key: 'COUNTRY', value: 'uk' } })).toEqual([]);
      expect(await ids({ holdsAdminRole: true })).toEqual([cy.id]);
      expect(await ids({ state: 'activated', level: 'user' })).toEqual([ada.id]);
    });

    it('lists by the start of the email, first or last name, in any case, taking the text literally', async () => {
      const ada = {
        ...user({ hour: 9, email: 'ada.l@example.com' }),
        firstName: 'Augusta',
        lastName: 'King',
      };
      const bob = { ...user({ hour: 10, email: 'bob@example.com' }), firstName: 'Robert', lastName: 'Adams' };
      const cy = { ...user({ hour: 11, email: 'cy@example.com' }), firstName: 'Cy', lastName: 'Young' };
      for (const each of [ada, bob, cy]) await subject.repository.insert(each, []);
      const ids = async (text: string) =>
        (await subject.repository.list(subject.tenantId, { text }, page)).items.map((each) => each.id);

      expect(await ids('AD')).toEqual([ada.id, bob.id]);
      expect(await ids('aug')).toEqual([ada.id]);
      expect(await ids('king')).toEqual([ada.id]);
      expect(await ids('oung')).toEqual([]);
      expect(await ids('ada.')).toEqual([ada.id]);
      expect(await ids('.*')).toEqual([]);
    });

    it('lists the users due for expiry across tenants, in id order after a cursor, a batch at a time', async () => {
      const now = new Date('2020-01-01T00:00:00.000Z');
      const due = (hour: number, tenantId?: string): User => ({
        ...user({ hour, tenantId }),
        expiresAt: new Date(Date.UTC(2019, 11, 31, hour)),
      });
      const [first, second, third] = [due(1), due(2, contractTenant()), due(3)];
      const later = { ...user({ hour: 4 }), expiresAt: new Date('2020-01-02T00:00:00.000Z') };
      const expired = { ...due(5), state: 'expired' as const, stateBeforeExpiry: 'activated' as const };
      const gone = markUserDeleted(due(6), now);
      for (const each of [third, later, expired, gone, first, second, user({ hour: 7 })])
        await subject.repository.insert(each, []);

      expect(await subject.repository.listDueForExpiry(now, null, 10)).toEqual([first, second, third]);
      expect(await subject.repository.listDueForExpiry(now, null, 2)).toEqual([first, second]);
      expect(await subject.repository.listDueForExpiry(now, second.id, 2)).toEqual([third]);
      expect(await subject.repository.listDueForExpiry(now, third.id, 2)).toEqual([]);
    });

    it("lists the tenant's users not deactivated yet, in id order, a page at a time, deleted users aside", async () => {
      const [activated, active, expired] = [
        user({ hour: 1 }),
        { ...user({ hour: 2 }), state: 'active' as const },
        { ...user({ hour: 3 }), state: 'expired' as const, stateBeforeExpiry: 'activated' as const },
      ];
      const deactivated = { ...user({ hour: 4 }), state: 'deactivated' as const };
      const gone = markUserDeleted(user({ hour: 5 }), activated.createdAt);
      const elsewhere = user({ tenantId: contractTenant() });
      for (const each of [expired, deactivated, gone, elsewhere, active, activated])
        await subject.repository.insert(each, []);

      expect(await subject.repository.listNotDeactivated(subject.tenantId, 10)).toEqual([
        activated,
        active,
        expired,
      ]);
      expect(await subject.repository.listNotDeactivated(subject.tenantId, 2)).toEqual([activated, active]);
      expect(await subject.repository.listNotDeactivated(contractTenant(), 10)).toEqual([]);
    });

    it('tells whether a user of the tenant holds a permission profile, deleted users aside', async () => {
      const holder = { ...user({ hour: 9 }), level: 'power_user' as const, permissionProfile: 'sales-desk' };
      const gone = markUserDeleted({ ...user({ hour: 10 }), permissionProfile: 'coaches' }, holder.createdAt);
      const elsewhere = { ...user({ tenantId: contractTenant() }), permissionProfile: 'enrollments' };
      for (const each of [holder, gone, elsewhere, user({ hour: 11 })])
        await subject.repository.insert(each, []);

      expect(await subject.repository.anyHoldsPermissionProfile(subject.tenantId, 'sales-desk')).toBe(true);
      expect(await subject.repository.anyHoldsPermissionProfile(subject.tenantId, 'coaches')).toBe(false);
      expect(await subject.repository.anyHoldsPermissionProfile(subject.tenantId, 'enrollments')).toBe(false);
      expect(await subject.repository.anyHoldsPermissionProfile(elsewhere.tenantId, 'enrollments')).toBe(
        true,
      );
    });

    it('updates a user only from the version it was read at, with its events', async () => {
      const ada = user();
      await subject.repository.insert(ada, [created(ada)]);
      const renamed = {
        ...ada,
        lastName: 'King',
        version: 2,
        updatedAt: new Date('2026-03-03T09:00:00.000Z'),
      };

      expect(await subject.repository.update(renamed, 1, [created(renamed)])).toBe('written');
      expect(await subject.repository.update({ ...renamed, lastName: 'Late', version: 2 }, 1, [])).toBe(
        'stale',
      );
      expect(
        await subject.repository.update({ ...renamed, tenantId: contractTenant(), version: 3 }, 2, []),
      ).toBe('stale');

      expect(await subject.repository.findById(subject.tenantId, ada.id)).toEqual(renamed);
      expect((await subject.outboxOf(ada.id)).map((entry) => entry.envelope.aggregateVersion)).toEqual([
        1, 2,
      ]);
    });
  });
}
