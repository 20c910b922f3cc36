import {
  acceptInvitation,
  createInvitation,
  remindInvitation,
  revokeInvitation,
  type Invitation,
} from './invitation';

const at = new Date('2026-03-02T09:00:00.000Z');
const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

function invitation(userId: string | null = null): Invitation {
  const decision = createInvitation(
    {
      id: 'i',
      tenantId: 't',
      groupId: 'g',
      email: ' Ada@Example.com ',
      userId,
      roles: ['coach', 'learner'],
      invitedBy: 'a',
    },
    at,
  );
  if (decision.outcome !== 'created') throw new Error('created');
  return decision.invitation;
}

describe('an invitation to a group (ID-G2)', () => {
  it('is pending, with its roles in their canonical order, and refuses unknown roles', () => {
    expect(invitation()).toMatchObject({
      status: 'pending',
      roles: ['learner', 'coach'],
      email: 'Ada@Example.com',
    });
    expect(
      createInvitation(
        {
          id: 'i',
          tenantId: 't',
          groupId: 'g',
          email: 'a@b.c',
          userId: null,
          roles: ['boss'],
          invitedBy: null,
        },
        at,
      ),
    ).toEqual({ outcome: 'invalid-roles' });
  });

  it('is accepted by an account of the invited address, any case, and then never again', () => {
    const accepted = acceptInvitation(invitation(), { id: 'u', email: 'ada@example.COM' }, later(5));

    expect(accepted).toMatchObject({
      outcome: 'accepted',
      invitation: { status: 'accepted', userId: 'u', version: 2 },
    });
    if (accepted.outcome !== 'accepted') throw new Error('accepted');
    expect(
      acceptInvitation(accepted.invitation, { id: 'u', email: 'ada@example.com' }, later(6)).outcome,
    ).toBe('already-accepted');
  });

  it('invited by id, is accepted by that account only', () => {
    expect(acceptInvitation(invitation('u'), { id: 'other', email: 'ada@example.com' }, at).outcome).toBe(
      'not-invitee',
    );
    expect(acceptInvitation(invitation('u'), { id: 'u', email: 'else@example.com' }, at).outcome).toBe(
      'accepted',
    );
  });

  it('is reminded at most once per hour since it was last mailed', () => {
    expect(remindInvitation(invitation(), later(59))).toEqual({ outcome: 'too-soon', nextAt: later(60) });
    const reminded = remindInvitation(invitation(), later(60));
    expect(reminded).toMatchObject({
      outcome: 'reminded',
      invitation: { reminders: 1, lastSentAt: later(60) },
    });
    if (reminded.outcome !== 'reminded') throw new Error('reminded');
    expect(remindInvitation(reminded.invitation, later(119)).outcome).toBe('too-soon');
  });

  it('once revoked, is neither accepted, reminded nor revoked again', () => {
    const revoked = revokeInvitation(invitation(), later(1));
    if (revoked.outcome !== 'revoked') throw new Error('revoked');

    expect(
      acceptInvitation(revoked.invitation, { id: 'u', email: 'ada@example.com' }, later(2)).outcome,
    ).toBe('already-revoked');
    expect(remindInvitation(revoked.invitation, later(120)).outcome).toBe('already-revoked');
    expect(revokeInvitation(revoked.invitation, later(3)).outcome).toBe('already-revoked');
  });
});
