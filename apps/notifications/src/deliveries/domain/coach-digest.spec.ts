import fc from 'fast-check';
import { decideDigest, digestKeyOf, type DigestMember } from './coach-digest';
import { deliveryIdOf } from './delivery';

const SETTINGS = { windowMs: 60_000, threshold: 3, names: 2 };
const NOW = new Date('2026-03-02T09:00:00.000Z');

function member(i: number, menteeId = `mentee-${i}`): DigestMember {
  return {
    deliveryId: `delivery-${i}`,
    tenantId: 'tenant-1',
    recipientId: 'coach',
    kind: 'assignment.created.coach',
    sourceEventId: `event-${i}`,
    sourceType: 'assignment.created',
    menteeId,
  };
}

describe('the coach digest', () => {
  it("keys a coach's mails of new and ended coachings, no mentee's, and none when digests are off", () => {
    expect(digestKeyOf('assignment.created.coach', 'coach', SETTINGS)).toBe('assignment.created.coach:coach');
    expect(digestKeyOf('assignment.created.mentee', 'mentee', SETTINGS)).toBeNull();
    expect(digestKeyOf('assignment.ended.coach', 'coach', SETTINGS)).toBe('assignment.ended.coach:coach');
    expect(digestKeyOf('assignment.ended.mentee', 'mentee', SETTINGS)).toBeNull();
    expect(digestKeyOf('assignment.created.coach', 'coach', { ...SETTINGS, windowMs: 0 })).toBeNull();
  });

  it('sends mails alone below the threshold, and as one digest from it on', () => {
    expect(decideDigest([member(1), member(2)], SETTINGS, NOW)).toEqual({ outcome: 'alone' });
    expect(decideDigest([], SETTINGS, NOW)).toEqual({ outcome: 'alone' });

    const decision = decideDigest([member(1), member(2), member(3, 'mentee-1')], SETTINGS, NOW);

    if (decision.outcome !== 'digest') throw new Error('expected a digest');
    expect(decision.memberIds).toEqual(['delivery-1', 'delivery-2', 'delivery-3']);
    expect(decision.digest).toMatchObject({
      kind: 'assignment.created.coach-digest',
      recipientId: 'coach',
      sourceEventId: 'event-1',
      sourceType: 'assignment.created',
      status: 'pending',
      nextAttemptAt: NOW,
      context: { digest: { count: 3, menteeIds: ['mentee-1', 'mentee-2'] } },
    });
    expect(decision.digest.id).toBe(
      deliveryIdOf({
        tenantId: 'tenant-1',
        sourceEventId: 'event-1',
        recipientId: 'coach',
        kind: 'assignment.created.coach-digest',
      }),
    );
  });

  it('forms the same digest of the same first mail, whoever decides and whenever', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (count, later) => {
          const members = Array.from({ length: count }, (_, i) => member(i));
          const first = decideDigest(members, SETTINGS, NOW);
          const again = decideDigest(members.slice(0, 3), SETTINGS, new Date(NOW.getTime() + later));
          if (first.outcome !== 'digest' || again.outcome !== 'digest') return false;
          return (
            first.digest.id === again.digest.id &&
            first.memberIds.length === count &&
            new Set(first.memberIds).size === count &&
            'digest' in first.digest.context &&
            first.digest.context.digest.count === count &&
            first.digest.context.digest.menteeIds.length === SETTINGS.names
          );
        },
      ),
    );
  });
});
