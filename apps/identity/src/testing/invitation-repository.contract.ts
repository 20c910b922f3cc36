import { randomUUID } from 'node:crypto';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { createInvitation, type Invitation } from '../invitations/domain/invitation';
import type { InvitationRepository } from '../invitations/ports/invitation.repository';
import { invitationEvent } from '../invitations/use-cases/invitation-events';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

const events = new EventFactory('identity');

/**
 * What every {@link InvitationRepository} guarantees, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describeInvitationRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<InvitationRepository>,
): void {
  describe(`${name} (invitation repository contract)`, () => {
    const subject = freshForEachTest(make);
    let groupId: string;

    beforeEach(() => {
      groupId = randomUUID();
    });

    function invitation(overrides: { hour?: number; userId?: string | null } = {}): Invitation {
      const at = new Date(Date.UTC(2026, 2, 2, overrides.hour ?? 9));
      const decision = createInvitation(
        {
          id: newId(at),
          tenantId: subject.tenantId,
          groupId,
          email: 'Ada@Example.com',
          userId: overrides.userId ?? null,
          roles: ['learner'],
          invitedBy: randomUUID(),
        },
        at,
      );
      if (decision.outcome !== 'created') throw new Error('a valid invitation');
      return decision.invitation;
    }

    const created = (of: Invitation): OutboxEntry =>
      invitationEvent(events, 'invitation.created', of, 'Sales coaching', of.createdAt);

    it('finds what it inserted, as a plain value, within its tenant only, with its events', async () => {
      const invited = invitation({ userId: randomUUID() });
      const event = created(invited);

      await subject.repository.insert(invited, [event]);

      expect(await subject.repository.findById(subject.tenantId, invited.id)).toEqual(invited);
      expect(await subject.repository.findById(contractTenant(), invited.id)).toBeNull();
      expect(await subject.repository.findById(subject.tenantId, randomUUID())).toBeNull();
      expect(await subject.outboxOf(invited.id)).toEqual([event]);
    });

    it('updates when the stored version is the one read, and refuses a stale one or another tenant', async () => {
      const invited = invitation();
      await subject.repository.insert(invited, []);
      const revoked: Invitation = {
        ...invited,
        status: 'revoked',
        closedAt: new Date(Date.UTC(2026, 2, 3)),
        version: 2,
      };

      expect(await subject.repository.update({ ...revoked, tenantId: contractTenant() }, 1, [])).toBe(
        'stale',
      );
      expect(await subject.repository.update(revoked, 2, [])).toBe('stale');
      expect(await subject.repository.update(revoked, 1, [created(revoked)])).toBe('written');

      expect(await subject.repository.findById(subject.tenantId, invited.id)).toEqual(revoked);
      expect(await subject.outboxOf(invited.id)).toHaveLength(1);
    });

    it("lists a group's invitations oldest first, by status, page by page", async () => {
      const [first, second, third] = [9, 10, 11].map((hour) => invitation({ hour }));
      for (const each of [first, second, third]) await subject.repository.insert(each, []);
      await subject.repository.update({ ...second, status: 'accepted', version: 2 }, 1, []);
      const elsewhere = { ...invitation({ hour: 12 }), groupId: randomUUID() };
      await subject.repository.insert(elsewhere, []);

      const page = await subject.repository.listOfGroup(subject.tenantId, groupId, {}, { limit: 2 });
      const next = await subject.repository.listOfGroup(
        subject.tenantId,
        groupId,
        {},
        { limit: 2, cursor: page.nextCursor ?? '' },
      );
      const pending = await subject.repository.listOfGroup(
        subject.tenantId,
        groupId,
        { status: 'pending' },
        { limit: 50 },
      );

      expect(page.items.map((each) => each.id)).toEqual([first.id, second.id]);
      expect(next.items.map((each) => each.id)).toEqual([third.id]);
      expect(next.nextCursor).toBeNull();
      expect(pending.items.map((each) => each.id)).toEqual([first.id, third.id]);
    });
  });
}
