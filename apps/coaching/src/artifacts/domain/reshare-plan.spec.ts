import fc from 'fast-check';
import { newId } from '@lms/kernel';
import { ARTIFACT_PERMISSIONS, shareId, type ArtifactPermission, type ArtifactShare } from './artifact';
import { planReshare, type ResharePlan, type ReshareRequest } from './reshare-plan';

const TENANT = 'tenant-a';
const [MENTEE, OLD, OLD_2, OLD_3, KEPT, NEW, NEW_2, SOMEONE] = Array.from({ length: 8 }, () => newId());
const [ARTIFACT, OTHER_ARTIFACT] = [newId(), newId()];
const TRANSFERRED_AT = new Date('2025-03-10T09:00:00.000Z');

function request(overrides: Partial<ReshareRequest> = {}): ReshareRequest {
  return {
    tenantId: TENANT,
    menteeId: MENTEE,
    previousCoachIds: [OLD],
    coachIds: [NEW],
    startDate: '2025-03-01',
    endDate: null,
    transferredAt: TRANSFERRED_AT,
    ...overrides,
  };
}

/** A share of the mentee's artifact, given by the mentee on 2025-03-05 unless told otherwise. */
function share(
  userId: string,
  permission: ArtifactPermission,
  options: { artifactId?: string; ownerId?: string; sharedBy?: string; at?: string } = {},
): ArtifactShare {
  const artifactId = options.artifactId ?? ARTIFACT;
  return {
    id: shareId(artifactId, userId),
    tenantId: TENANT,
    artifactId,
    ownerId: options.ownerId ?? MENTEE,
    userId,
    permission,
    sharedBy: options.sharedBy ?? MENTEE,
    sharedAt: new Date(options.at ?? '2025-03-05T12:00:00.000Z'),
    resharedFrom: null,
  };
}

/** The share a re-share gives `userId`, moved from `from`. */
function moved(
  userId: string,
  permission: ArtifactPermission,
  from: string,
  artifactId = ARTIFACT,
): ArtifactShare {
  return {
    id: shareId(artifactId, userId),
    tenantId: TENANT,
    artifactId,
    ownerId: MENTEE,
    userId,
    permission,
    sharedBy: MENTEE,
    sharedAt: TRANSFERRED_AT,
    resharedFrom: from,
  };
}

/** The shares once `plan` (or part of it) is written: puts replace by id, removals go. */
function apply(
  shares: readonly ArtifactShare[],
  plan: { put?: readonly ArtifactShare[]; remove?: readonly ArtifactShare[] },
): ArtifactShare[] {
  const byId = new Map(shares.map((s) => [s.id, s]));
  for (const s of plan.put ?? []) byId.set(s.id, s);
  for (const s of plan.remove ?? []) byId.delete(s.id);
  return [...byId.values()];
}

function sorted(shares: readonly ArtifactShare[]): ArtifactShare[] {
  return [...shares].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function normalised(plan: ResharePlan): ResharePlan {
  return { put: sorted(plan.put), remove: sorted(plan.remove) };
}

const EMPTY: ResharePlan = { put: [], remove: [] };

describe('planReshare (CO-A7)', () => {
  it("given the mentee's share with a coach who leaves, then it is taken from that coach and each new coach gets it at the same permission, at the transfer's time", () => {
    const given = share(OLD, 'comment');

    const plan = planReshare([given], request({ coachIds: [NEW, NEW_2] }));

    expect(normalised(plan)).toEqual(
      normalised({ put: [moved(NEW, 'comment', OLD), moved(NEW_2, 'comment', OLD)], remove: [given] }),
    );
  });

  it("given the mentee's shares of several artifacts, then each moves on its own", () => {
    const shares = [share(OLD, 'view'), share(OLD, 'high', { artifactId: OTHER_ARTIFACT })];

    const plan = planReshare(shares, request());

    expect(normalised(plan)).toEqual(
      normalised({
        put: [moved(NEW, 'view', OLD), moved(NEW, 'high', OLD, OTHER_ARTIFACT)],
        remove: shares,
      }),
    );
  });

  it('given shares someone else gave the leaving coach, or the leaving coach gave at high, then they stay where they are', () => {
    const shares = [
      // A holder of high shared onward with the leaving coach.
      share(OLD, 'comment', { sharedBy: SOMEONE }),
      // The leaving coach, at high, shared onward with another coach who leaves too.
      share(OLD_2, 'high', { sharedBy: OLD }),
    ];

    expect(planReshare(shares, request({ previousCoachIds: [OLD, OLD_2] }))).toEqual(EMPTY);
  });

  it("given a share of someone else's artifact with the leaving coach, then it stays", () => {
    const theirs = share(OLD, 'view', { ownerId: SOMEONE, sharedBy: MENTEE });

    expect(planReshare([theirs], request())).toEqual(EMPTY);
  });

  it('given a coach kept in the new list, then it keeps its own shares and only the arriving coach gets what the leaving one held', () => {
    const keptShare = share(KEPT, 'view', { artifactId: OTHER_ARTIFACT });
    const leaving = share(OLD, 'comment');

    const plan = planReshare(
      [keptShare, leaving],
      request({ previousCoachIds: [OLD, KEPT], coachIds: [KEPT, NEW] }),
    );

    expect(plan.remove).toEqual([leaving]);
    expect(normalised(plan).put).toEqual(sorted([moved(NEW, 'comment', OLD)]));
  });

  it('given nobody leaves, then nothing moves', () => {
    const shares = [share(OLD, 'high'), share(NEW, 'view')];

    expect(planReshare(shares, request({ previousCoachIds: [OLD], coachIds: [OLD, NEW] }))).toEqual(EMPTY);
  });

  it("given shares made before the window's start or after its end, then they stay; those of its first and last day move", () => {
    const window = { startDate: '2025-03-01', endDate: '2025-03-08' };
    const before = share(OLD, 'view', { at: '2025-02-28T23:59:59.999Z' });
    const firstMoment = share(OLD, 'view', { artifactId: newId(), at: '2025-03-01T00:00:00.000Z' });
    const lastDay = share(OLD, 'view', { artifactId: newId(), at: '2025-03-08T23:59:59.999Z' });
    const afterEnd = share(OLD, 'view', { artifactId: newId(), at: '2025-03-09T00:00:00.000Z' });

    const plan = planReshare([before, firstMoment, lastDay, afterEnd], request(window));

    expect(sorted(plan.remove)).toEqual(sorted([firstMoment, lastDay]));
    expect(plan.put.map((s) => s.artifactId).sort()).toEqual(
      [firstMoment.artifactId, lastDay.artifactId].sort(),
    );
  });

  it('given an open window, then a share made at the transfer moves and one made a moment later stays', () => {
    const atTransfer = share(OLD, 'comment', { at: TRANSFERRED_AT.toISOString() });
    const later = share(OLD, 'comment', { artifactId: OTHER_ARTIFACT, at: '2025-03-10T09:00:00.001Z' });

    const plan = planReshare([atTransfer, later], request());

    expect(plan).toEqual({ put: [moved(NEW, 'comment', OLD)], remove: [atTransfer] });
  });

  it.each([
    ['a stronger', 'high' as const],
    ['an equal', 'comment' as const],
  ])(
    'given a new coach already holding %s share, then it keeps its own while the leaving share is still taken',
    (_kind, held) => {
      const own = share(NEW, held, { sharedBy: SOMEONE, at: '2025-02-01T00:00:00.000Z' });
      const leaving = share(OLD, 'comment');

      const plan = planReshare([own, leaving], request({ coachIds: [NEW, NEW_2] }));

      expect(plan).toEqual({ put: [moved(NEW_2, 'comment', OLD)], remove: [leaving] });
    },
  );

  it('given a new coach already holding a weaker share, then it is raised in place (same id) to the moved permission', () => {
    const own = share(NEW, 'view', { at: '2025-02-01T00:00:00.000Z' });
    const leaving = share(OLD, 'high');

    const plan = planReshare([own, leaving], request());

    expect(plan).toEqual({ put: [moved(NEW, 'high', OLD)], remove: [leaving] });
    expect(plan.put[0]?.id).toBe(own.id);
  });

  it.each([
    ['weakest first', ['view', 'high', 'comment'] as const],
    ['strongest first', ['high', 'comment', 'view'] as const],
  ])(
    'given several leaving coaches holding one artifact at different permissions (%s), then each new coach gets the strongest, once',
    (_order, permissions) => {
      const leaving = [OLD, OLD_2, OLD_3].map((coach, i) => share(coach, permissions[i] ?? 'view'));
      const holderOfHigh = [OLD, OLD_2, OLD_3][permissions.indexOf('high')] ?? OLD;

      const plan = planReshare(
        leaving,
        request({ previousCoachIds: [OLD, OLD_2, OLD_3], coachIds: [NEW, NEW_2] }),
      );

      expect(normalised(plan)).toEqual(
        normalised({
          put: [moved(NEW, 'high', holderOfHigh), moved(NEW_2, 'high', holderOfHigh)],
          remove: leaving,
        }),
      );
    },
  );

  it('given the mentee among the new coaches, then the mentee never becomes a holder of its own artifact', () => {
    const leaving = share(OLD, 'view');

    const plan = planReshare([leaving], request({ coachIds: [MENTEE, NEW] }));

    expect(plan).toEqual({ put: [moved(NEW, 'view', OLD)], remove: [leaving] });
  });

  it('given the plan applied, then planning again gives an empty plan', () => {
    const shares = [
      share(OLD, 'view'),
      share(OLD_2, 'high'),
      share(OLD, 'comment', { artifactId: OTHER_ARTIFACT }),
      share(NEW, 'view', { artifactId: OTHER_ARTIFACT }),
    ];
    const asked = request({ previousCoachIds: [OLD, OLD_2], coachIds: [NEW, NEW_2] });

    const plan = planReshare(shares, asked);

    expect(plan.put).toHaveLength(4);
    expect(planReshare(apply(shares, plan), asked)).toEqual(EMPTY);
  });

  it('given half of the new shares written and nothing removed (a crash), then planning again gives the rest', () => {
    const shares = [share(OLD, 'comment'), share(OLD, 'view', { artifactId: OTHER_ARTIFACT })];
    const asked = request({ coachIds: [NEW, NEW_2] });
    const plan = normalised(planReshare(shares, asked));
    const [written, rest] = [plan.put.slice(0, 2), plan.put.slice(2)];

    const afterHalf = normalised(planReshare(apply(shares, { put: written }), asked));
    expect(afterHalf).toEqual({ put: rest, remove: plan.remove });

    const afterPuts = planReshare(apply(shares, { put: plan.put }), asked);
    expect(normalised(afterPuts)).toEqual({ put: [], remove: plan.remove });

    expect(planReshare(apply(shares, plan), asked)).toEqual(EMPTY);
  });

  describe('property', () => {
    const coaches = [OLD, OLD_2, OLD_3, KEPT, NEW, NEW_2];
    const artifacts = [ARTIFACT, OTHER_ARTIFACT, newId()];
    const DAY = 24 * 60 * 60 * 1000;
    const EPOCH = new Date('2025-03-01T00:00:00.000Z').getTime();
    const instant = fc.integer({ min: -5 * DAY, max: 25 * DAY }).map((ms) => new Date(EPOCH + ms));
    const day = instant.map((at) => at.toISOString().slice(0, 10));
    const anyShare: fc.Arbitrary<ArtifactShare> = fc
      .record({
        artifactId: fc.constantFrom(...artifacts),
        ownerId: fc.constantFrom(MENTEE, MENTEE, SOMEONE),
        userId: fc.constantFrom(...coaches),
        permission: fc.constantFrom(...ARTIFACT_PERMISSIONS),
        sharedBy: fc.constantFrom(MENTEE, MENTEE, SOMEONE, ...coaches),
        sharedAt: instant,
        resharedFrom: fc.option(fc.constantFrom(...coaches), { nil: null }),
      })
      .map((s) => ({ ...s, id: shareId(s.artifactId, s.userId), tenantId: TENANT }));
    const someCoaches = fc.subarray([...coaches, MENTEE]);
    const anyRequest: fc.Arbitrary<ReshareRequest> = fc
      .record({
        previousCoachIds: someCoaches,
        coachIds: someCoaches,
        startDate: day,
        endDate: fc.option(day, { nil: null }),
        transferredAt: instant,
      })
      .map((r) => ({ ...r, tenantId: TENANT, menteeId: MENTEE }));

    it('given any shares and any transfer, when the plan is applied, then planning again gives an empty plan', () => {
      fc.assert(
        fc.property(
          // One share per artifact and user, as the repository keeps them.
          fc.uniqueArray(anyShare, { selector: (s) => s.id, maxLength: 18 }),
          anyRequest,
          (shares, asked) => {
            const plan = planReshare(shares, asked);
            expect(planReshare(apply(shares, plan), asked)).toEqual(EMPTY);
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
