import type { NewJob } from '../job';
import type { JobStore } from '../job-store';

/**
 * What every job store does, run against the in-memory store (unit) and the MongoDB one
 * (integration): one job per key, due jobs by lease time, and leases that only the holder of
 * the current version can renew, complete or release.
 */
export function jobStoreContract(name: string, makeStore: () => Promise<JobStore>): void {
  describe(`${name} (job store contract)`, () => {
    const t0 = new Date('2025-03-10T09:00:00.000Z');
    const later = (ms: number) => new Date(t0.getTime() + ms);
    let store: JobStore;
    let seq = 0;
    const job = (): NewJob => ({
      kind: 'contract',
      key: `k${++seq}-${Date.now()}`,
      tenantId: 't',
      input: { n: seq },
    });

    beforeEach(async () => {
      store = await makeStore();
    });

    it('stores one job per kind and key', async () => {
      const j = job();
      expect(await store.enqueue(j, t0)).toBe(true);
      expect(await store.enqueue(j, t0)).toBe(false);
      const due = await store.findDue(later(0), 10);
      expect(due.filter((d) => d.id === `contract:${j.key}`)).toHaveLength(1);
      expect(due.find((d) => d.id === `contract:${j.key}`)).toMatchObject({
        kind: 'contract',
        tenantId: 't',
        input: j.input,
        attempts: 0,
        leaseOwner: null,
      });
    });

    it('lets only one of two claimers take a job, and hides it until its lease runs out', async () => {
      const j = job();
      await store.enqueue(j, t0);
      const [due] = (await store.findDue(t0, 100)).filter((d) => d.id === `contract:${j.key}`);

      const first = await store.claim(due, 'a', later(1_000));
      const second = await store.claim(due, 'b', later(1_000));

      expect(first?.leaseOwner).toBe('a');
      expect(second).toBeNull();
      expect((await store.findDue(later(999), 100)).some((d) => d.id === due.id)).toBe(false);
      expect((await store.findDue(later(1_000), 100)).some((d) => d.id === due.id)).toBe(true);
    });

    it('refuses renewal, completion and release to a holder whose lease was taken over', async () => {
      const j = job();
      await store.enqueue(j, t0);
      const [due] = (await store.findDue(t0, 100)).filter((d) => d.id === `contract:${j.key}`);
      const stale = (await store.claim(due, 'a', later(100)))!;
      const [expired] = (await store.findDue(later(100), 100)).filter((d) => d.id === due.id);
      const current = (await store.claim(expired, 'b', later(10_000)))!;

      expect(await store.renew(stale, later(5_000))).toBe(false);
      expect(await store.complete(stale)).toBe(false);
      expect(await store.release(stale, later(200))).toBe(false);
      expect(await store.renew(current, later(20_000))).toBe(true);
      expect(await store.complete(current)).toBe(true);
      expect((await store.findDue(later(60_000), 100)).some((d) => d.id === due.id)).toBe(false);
    });

    it('counts failed attempts and keeps a rescheduled job hidden until its retry time', async () => {
      const j = job();
      await store.enqueue(j, t0);
      const [due] = (await store.findDue(t0, 100)).filter((d) => d.id === `contract:${j.key}`);
      const held = (await store.claim(due, 'a', later(1_000)))!;

      expect(await store.reschedule(held, later(5_000), 'Error: refused')).toBe(true);

      expect((await store.findDue(later(4_999), 100)).some((d) => d.id === due.id)).toBe(false);
      const [again] = (await store.findDue(later(5_000), 100)).filter((d) => d.id === due.id);
      expect(again).toMatchObject({ attempts: 1, leaseOwner: null, lastError: 'Error: refused' });
    });

    it('makes a released job due at once', async () => {
      const j = job();
      await store.enqueue(j, t0);
      const [due] = (await store.findDue(t0, 100)).filter((d) => d.id === `contract:${j.key}`);
      const held = (await store.claim(due, 'a', later(60_000)))!;

      expect(await store.release(held, later(10))).toBe(true);

      expect((await store.findDue(later(10), 100)).some((d) => d.id === due.id)).toBe(true);
    });
  });
}
