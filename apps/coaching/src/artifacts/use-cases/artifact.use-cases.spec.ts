import { newId } from '@lms/kernel';
import { aReader, buildArtifactsTestbed, type ArtifactsTestbed } from '../../testing/artifacts-testbed';
import { aUserProfile, OTHER_TENANT, TENANT } from '../../testing/coaching-testbed';
import type { Artifact, ArtifactPermission } from '../domain/artifact';

const PAGE = { limit: 50 };

function people() {
  const [mentee, coach, otherCoach, stranger] = [newId(), newId(), newId(), newId()];
  return { mentee, coach, otherCoach, stranger };
}

async function share(
  bed: ArtifactsTestbed,
  artifact: Artifact,
  sharerId: string,
  userId: string,
  permission: ArtifactPermission,
) {
  return bed.shareArtifact.execute({
    tenantId: TENANT,
    artifactId: artifact.id,
    reader: aReader(sharerId),
    userId,
    permission,
  });
}

describe('artifacts (CO-W2)', () => {
  describe('creating, reading and listing', () => {
    it('given a mentee, when it creates a link artifact, then it reads it back as its owner, trimmed, at version 1, shared with nobody', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee } = people();

      const created = await bed.createArtifact.execute({
        tenantId: TENANT,
        ownerId: mentee,
        content: { title: '  Reading list  ', link: 'https://docs.example.test/list', text: null },
      });

      expect(created).toEqual({
        id: expect.any(String),
        tenantId: TENANT,
        ownerId: mentee,
        title: 'Reading list',
        link: 'https://docs.example.test/list',
        text: null,
        createdAt: new Date('2025-03-10T09:00:00.000Z'),
        updatedAt: new Date('2025-03-10T09:00:00.000Z'),
        version: 1,
      });
      expect(
        await bed.getArtifact.execute({ tenantId: TENANT, artifactId: created.id, reader: aReader(mentee) }),
      ).toEqual({ artifact: created, access: 'owner', shares: [] });
    });

    it.each([
      ['both a link and a text', { link: 'https://docs.example.test', text: 'And notes' }],
      ['neither a link nor a text', { link: null, text: null }],
      ['a blank text', { link: null, text: '   ' }],
    ])(
      'given %s, when a mentee creates an artifact, then it is refused as invalid content and nothing is written',
      async (_case, content) => {
        const bed = buildArtifactsTestbed();
        const { mentee } = people();

        await expect(
          bed.createArtifact.execute({
            tenantId: TENANT,
            ownerId: mentee,
            content: { title: 'Notes', ...content },
          }),
        ).rejects.toMatchObject({ code: 'ARTIFACT.CONTENT_INVALID', kind: 'invalid' });
        expect(
          (await bed.listArtifacts.execute({ tenantId: TENANT, ownerId: mentee, page: PAGE })).items,
        ).toEqual([]);
      },
    );

    it('given artifacts of several users, then a user lists its own, newest first, a page at a time', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, stranger } = people();
      const first = await bed.givenArtifact(mentee, { title: 'First' });
      bed.clock.advance(60_000);
      const second = await bed.givenArtifact(mentee, { title: 'Second', link: null, text: 'Notes' });
      await bed.givenArtifact(stranger);

      const newest = await bed.listArtifacts.execute({
        tenantId: TENANT,
        ownerId: mentee,
        page: { limit: 1 },
      });
      expect(newest).toEqual({ items: [second], limit: 1, nextCursor: expect.any(String) });
      expect(
        await bed.listArtifacts.execute({
          tenantId: TENANT,
          ownerId: mentee,
          page: { limit: 1, cursor: newest.nextCursor ?? undefined },
        }),
      ).toEqual({ items: [first], limit: 1, nextCursor: null });
    });

    it('given a user who neither owns the artifact nor holds a share of it, then it is not found rather than forbidden', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach, stranger } = people();
      await bed.givenUsers([coach]);
      const artifact = await bed.givenArtifact(mentee);
      await share(bed, artifact, mentee, coach, 'high');

      await expect(
        bed.getArtifact.execute({ tenantId: TENANT, artifactId: artifact.id, reader: aReader(stranger) }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND', kind: 'not_found' });
      await expect(
        bed.getArtifact.execute({
          tenantId: TENANT,
          artifactId: artifact.id,
          reader: { userId: null, administrator: false },
        }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND' });
      await expect(
        bed.getArtifact.execute({ tenantId: TENANT, artifactId: newId(), reader: aReader(mentee) }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND' });
    });

    it("given another tenant's artifact, then even its owner's id and an administrator do not find it there", async () => {
      const bed = buildArtifactsTestbed();
      const { mentee } = people();
      const artifact = await bed.givenArtifact(mentee);

      for (const reader of [aReader(mentee), aReader(newId(), { administrator: true })]) {
        await expect(
          bed.getArtifact.execute({ tenantId: OTHER_TENANT, artifactId: artifact.id, reader }),
        ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND' });
        await expect(
          bed.deleteArtifact.execute({ tenantId: OTHER_TENANT, artifactId: artifact.id, reader }),
        ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND' });
      }
      expect(await bed.artifacts.find(TENANT, artifact.id)).toEqual(artifact);
    });

    it('given holders of each permission and an administrator, then each reads the artifact, and only the holder of high and the administrator see its shares', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach, otherCoach, stranger } = people();
      const commenter = newId();
      await bed.givenUsers([coach, otherCoach, commenter]);
      const artifact = await bed.givenArtifact(mentee);
      const { share: high } = await share(bed, artifact, mentee, coach, 'high');
      const { share: view } = await share(bed, artifact, mentee, otherCoach, 'view');
      const { share: comment } = await share(bed, artifact, mentee, commenter, 'comment');
      const all = await bed.shares.listOf(TENANT, artifact.id);
      const get = (reader: ReturnType<typeof aReader>) =>
        bed.getArtifact.execute({ tenantId: TENANT, artifactId: artifact.id, reader });

      expect(all).toHaveLength(3);
      expect(all).toEqual(expect.arrayContaining([high, view, comment]));
      expect(await get(aReader(otherCoach))).toEqual({ artifact, access: 'view', shares: null });
      expect(await get(aReader(commenter))).toEqual({ artifact, access: 'comment', shares: null });
      expect(await get(aReader(coach))).toEqual({ artifact, access: 'high', shares: all });
      expect(await get(aReader(stranger, { administrator: true }))).toEqual({
        artifact,
        access: 'administrator',
        shares: all,
      });
    });
  });

  describe('editing and deleting', () => {
    it("given its owner, when it edits an artifact at the version read, then the title and content change, the version goes up, and the time is the clock's", async () => {
      const bed = buildArtifactsTestbed();
      const { mentee } = people();
      const artifact = await bed.givenArtifact(mentee);
      bed.clock.advance(3_600_000);

      const renamed = await bed.updateArtifact.execute({
        tenantId: TENANT,
        artifactId: artifact.id,
        reader: aReader(mentee),
        change: { title: '  Renamed ' },
        expectedVersion: 1,
      });
      const asText = await bed.updateArtifact.execute({
        tenantId: TENANT,
        artifactId: artifact.id,
        reader: aReader(mentee),
        change: { text: 'Now my notes' },
      });

      expect(renamed).toEqual({
        ...artifact,
        title: 'Renamed',
        updatedAt: new Date('2025-03-10T10:00:00.000Z'),
        version: 2,
      });
      expect(asText).toEqual({ ...renamed, link: null, text: 'Now my notes', version: 3 });
      expect(await bed.artifacts.find(TENANT, artifact.id)).toEqual(asText);
    });

    it('given a stale If-Match, when the owner edits, then it is refused as stale and nothing is written', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee } = people();
      const artifact = await bed.givenArtifact(mentee);
      await bed.updateArtifact.execute({
        tenantId: TENANT,
        artifactId: artifact.id,
        reader: aReader(mentee),
        change: { title: 'Changed by another tab' },
        expectedVersion: 1,
      });

      await expect(
        bed.updateArtifact.execute({
          tenantId: TENANT,
          artifactId: artifact.id,
          reader: aReader(mentee),
          change: { title: 'Lost update' },
          expectedVersion: 1,
        }),
      ).rejects.toMatchObject({ code: 'REQUEST.STALE_VERSION', kind: 'stale' });
      expect(await bed.artifacts.find(TENANT, artifact.id)).toMatchObject({
        title: 'Changed by another tab',
        version: 2,
      });
    });

    it('given an edit that gives both a link and a text, then it is refused as invalid content and nothing is written', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee } = people();
      const artifact = await bed.givenArtifact(mentee);

      await expect(
        bed.updateArtifact.execute({
          tenantId: TENANT,
          artifactId: artifact.id,
          reader: aReader(mentee),
          change: { link: 'https://docs.example.test/other', text: 'And notes' },
        }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.CONTENT_INVALID', kind: 'invalid' });
      expect(await bed.artifacts.find(TENANT, artifact.id)).toEqual(artifact);
    });

    it('given a holder of high or an administrator, when it edits or deletes the artifact, then it is refused as not the owner and nothing changes', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach, stranger } = people();
      await bed.givenUsers([coach]);
      const artifact = await bed.givenArtifact(mentee);
      await share(bed, artifact, mentee, coach, 'high');

      for (const reader of [aReader(coach), aReader(stranger, { administrator: true })]) {
        await expect(
          bed.updateArtifact.execute({
            tenantId: TENANT,
            artifactId: artifact.id,
            reader,
            change: { title: 'Mine now' },
          }),
        ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_OWNER', kind: 'forbidden' });
        await expect(
          bed.deleteArtifact.execute({ tenantId: TENANT, artifactId: artifact.id, reader }),
        ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_OWNER', kind: 'forbidden' });
      }
      expect(await bed.artifacts.find(TENANT, artifact.id)).toEqual(artifact);
      expect(await bed.shares.listOf(TENANT, artifact.id)).toHaveLength(1);
    });

    it('given a user without a share, when it edits or deletes the artifact, then it is not found', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, stranger } = people();
      const artifact = await bed.givenArtifact(mentee);

      await expect(
        bed.updateArtifact.execute({
          tenantId: TENANT,
          artifactId: artifact.id,
          reader: aReader(stranger),
          change: { title: 'Mine now' },
        }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND' });
      await expect(
        bed.deleteArtifact.execute({ tenantId: TENANT, artifactId: artifact.id, reader: aReader(stranger) }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND' });
    });

    it('given a shared artifact, when its owner deletes it, then it and its shares are gone and its coaches no longer see it', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach, otherCoach } = people();
      await bed.givenUsers([coach, otherCoach]);
      const artifact = await bed.givenArtifact(mentee);
      const kept = await bed.givenArtifact(mentee, { title: 'Kept' });
      await share(bed, artifact, mentee, coach, 'view');
      await share(bed, artifact, mentee, otherCoach, 'high');
      await share(bed, kept, mentee, coach, 'comment');

      await bed.deleteArtifact.execute({
        tenantId: TENANT,
        artifactId: artifact.id,
        reader: aReader(mentee),
      });

      expect(await bed.artifacts.find(TENANT, artifact.id)).toBeNull();
      expect(await bed.shares.listOf(TENANT, artifact.id)).toEqual([]);
      expect(await bed.shares.listOf(TENANT, kept.id)).toHaveLength(1);
      for (const reader of [aReader(mentee), aReader(coach)]) {
        await expect(
          bed.getArtifact.execute({ tenantId: TENANT, artifactId: artifact.id, reader }),
        ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND' });
      }
      const held = await bed.listShared.execute({ tenantId: TENANT, userId: coach, page: PAGE });
      expect(held.items.map((item) => item.artifact.id)).toEqual([kept.id]);
    });
  });

  describe('sharing', () => {
    it('given the owner, when it shares with an active coach, then the coach reads it at that permission and lists it among what is shared with it', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach } = people();
      await bed.givenUsers([coach]);
      const artifact = await bed.givenArtifact(mentee);

      const shared = await share(bed, artifact, mentee, coach, 'comment');

      expect(shared).toEqual({
        created: true,
        share: {
          id: expect.any(String),
          tenantId: TENANT,
          artifactId: artifact.id,
          ownerId: mentee,
          userId: coach,
          permission: 'comment',
          sharedBy: mentee,
          sharedAt: new Date('2025-03-10T09:00:00.000Z'),
          resharedFrom: null,
        },
      });
      expect(
        await bed.getArtifact.execute({ tenantId: TENANT, artifactId: artifact.id, reader: aReader(coach) }),
      ).toMatchObject({ access: 'comment' });
      expect(await bed.listShared.execute({ tenantId: TENANT, userId: coach, page: PAGE })).toEqual({
        items: [{ share: shared.share, artifact }],
        limit: 50,
        nextCursor: null,
      });
    });

    it('given an existing share, when the owner shares again, at the same or another permission, then the share keeps the time it was first given', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach } = people();
      await bed.givenUsers([coach]);
      const artifact = await bed.givenArtifact(mentee);
      const first = await share(bed, artifact, mentee, coach, 'view');
      bed.clock.advance(86_400_000);

      const again = await share(bed, artifact, mentee, coach, 'view');
      bed.clock.advance(86_400_000);
      const raised = await share(bed, artifact, mentee, coach, 'high');

      expect(again).toEqual({ created: false, share: first.share });
      expect(raised).toEqual({ created: false, share: { ...first.share, permission: 'high' } });
      expect(await bed.shares.listOf(TENANT, artifact.id)).toEqual([raised.share]);
    });

    it.each(['view', 'comment'] as const)(
      'given a holder of %s, when it shares the artifact onward, then it is refused and nothing is written',
      async (permission) => {
        const bed = buildArtifactsTestbed();
        const { mentee, coach, otherCoach } = people();
        await bed.givenUsers([coach, otherCoach]);
        const artifact = await bed.givenArtifact(mentee);
        await share(bed, artifact, mentee, coach, permission);

        await expect(share(bed, artifact, coach, otherCoach, 'view')).rejects.toMatchObject({
          code: 'ARTIFACT.SHARE_FORBIDDEN',
          kind: 'forbidden',
          details: { rule: 'not-allowed' },
        });
        expect(await bed.shares.find(TENANT, artifact.id, otherCoach)).toBeNull();
      },
    );

    it('given a holder of high, then it shares onward and changes the share it gave, but not one the owner gave', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach, otherCoach, stranger } = people();
      await bed.givenUsers([coach, otherCoach, stranger]);
      const artifact = await bed.givenArtifact(mentee);
      await share(bed, artifact, mentee, coach, 'high');
      const ownersShare = await share(bed, artifact, mentee, stranger, 'view');

      const onward = await share(bed, artifact, coach, otherCoach, 'view');
      const changed = await share(bed, artifact, coach, otherCoach, 'comment');

      expect(onward).toMatchObject({ created: true, share: { sharedBy: coach, permission: 'view' } });
      expect(changed).toEqual({ created: false, share: { ...onward.share, permission: 'comment' } });
      await expect(share(bed, artifact, coach, stranger, 'high')).rejects.toMatchObject({
        code: 'ARTIFACT.SHARE_FORBIDDEN',
        details: { rule: 'not-the-sharer' },
      });
      expect(await bed.shares.find(TENANT, artifact.id, stranger)).toEqual(ownersShare.share);
    });

    it('given an administrator without a share, when it shares the artifact, then it is refused', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach, stranger } = people();
      await bed.givenUsers([coach]);
      const artifact = await bed.givenArtifact(mentee);

      await expect(
        bed.shareArtifact.execute({
          tenantId: TENANT,
          artifactId: artifact.id,
          reader: aReader(stranger, { administrator: true }),
          userId: coach,
          permission: 'view',
        }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.SHARE_FORBIDDEN' });
    });

    it('given the owner or a holder of high, when either shares with the owner, then it is refused', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach } = people();
      await bed.givenUsers([mentee, coach]);
      const artifact = await bed.givenArtifact(mentee);
      await share(bed, artifact, mentee, coach, 'high');

      for (const sharer of [mentee, coach]) {
        await expect(share(bed, artifact, sharer, mentee, 'view')).rejects.toMatchObject({
          code: 'ARTIFACT.SHARE_WITH_OWNER',
          kind: 'invalid',
        });
      }
      expect(await bed.shares.listOf(TENANT, artifact.id)).toHaveLength(1);
    });

    it.each([
      ['an unknown user', 'unknown', async (_bed: ArtifactsTestbed, _userId: string) => undefined],
      [
        'a deactivated user',
        'deactivated',
        (bed: ArtifactsTestbed, userId: string) => bed.givenUsers([userId], { state: 'deactivated' }),
      ],
      [
        'a user past its expiry',
        'expired',
        (bed: ArtifactsTestbed, userId: string) =>
          bed.givenUsers([userId], { expiresAt: new Date('2025-03-01T00:00:00.000Z') }),
      ],
    ])(
      'given %s, when the owner shares with it, then it is refused and nothing is written',
      async (_case, reason, given) => {
        const bed = buildArtifactsTestbed();
        const { mentee, coach } = people();
        await given(bed, coach);
        const artifact = await bed.givenArtifact(mentee);

        await expect(share(bed, artifact, mentee, coach, 'view')).rejects.toMatchObject({
          code: 'ARTIFACT.SHARE_USER_INVALID',
          kind: 'invalid',
          details: { userId: coach, reason },
        });
        expect(await bed.shares.listOf(TENANT, artifact.id)).toEqual([]);
      },
    );

    it('given a user of another tenant, when the owner shares with it, then it is refused as unknown', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach } = people();
      await bed.users.applyMany([
        {
          tenantId: OTHER_TENANT,
          userId: coach,
          version: 1,
          occurredAt: bed.clock.now(),
          profile: aUserProfile(coach),
        },
      ]);
      const artifact = await bed.givenArtifact(mentee);

      await expect(share(bed, artifact, mentee, coach, 'view')).rejects.toMatchObject({
        code: 'ARTIFACT.SHARE_USER_INVALID',
        details: { reason: 'unknown' },
      });
    });
  });

  describe('taking shares back', () => {
    it('given the owner, when it takes a share back, then the coach no longer finds the artifact', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach } = people();
      await bed.givenUsers([coach]);
      const artifact = await bed.givenArtifact(mentee);
      await share(bed, artifact, mentee, coach, 'comment');

      await bed.unshareArtifact.execute({
        tenantId: TENANT,
        artifactId: artifact.id,
        reader: aReader(mentee),
        userId: coach,
      });

      await expect(
        bed.getArtifact.execute({ tenantId: TENANT, artifactId: artifact.id, reader: aReader(coach) }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND' });
      expect((await bed.listShared.execute({ tenantId: TENANT, userId: coach, page: PAGE })).items).toEqual(
        [],
      );
    });

    it('given a holder of high, then it takes back the share it gave but not one the owner gave', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach, otherCoach, stranger } = people();
      await bed.givenUsers([coach, otherCoach, stranger]);
      const artifact = await bed.givenArtifact(mentee);
      await share(bed, artifact, mentee, coach, 'high');
      await share(bed, artifact, coach, otherCoach, 'view');
      const ownersShare = await share(bed, artifact, mentee, stranger, 'view');
      const unshare = (userId: string) =>
        bed.unshareArtifact.execute({
          tenantId: TENANT,
          artifactId: artifact.id,
          reader: aReader(coach),
          userId,
        });

      await unshare(otherCoach);
      await expect(unshare(stranger)).rejects.toMatchObject({
        code: 'ARTIFACT.SHARE_FORBIDDEN',
        kind: 'forbidden',
      });

      expect(await bed.shares.find(TENANT, artifact.id, otherCoach)).toBeNull();
      expect(await bed.shares.find(TENANT, artifact.id, stranger)).toEqual(ownersShare.share);
    });

    it('given no share with that user, when the owner takes it back, then the share is not found', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach } = people();
      const artifact = await bed.givenArtifact(mentee);

      await expect(
        bed.unshareArtifact.execute({
          tenantId: TENANT,
          artifactId: artifact.id,
          reader: aReader(mentee),
          userId: coach,
        }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.SHARE_NOT_FOUND', kind: 'not_found' });
    });
  });

  describe('what is shared with a coach', () => {
    it('given shares from several mentees, then a coach lists them newest share first, and a share whose artifact is gone is left out', async () => {
      const bed = buildArtifactsTestbed();
      const { mentee, coach, otherCoach } = people();
      const otherMentee = newId();
      await bed.givenUsers([coach, otherCoach]);
      const first = await bed.givenArtifact(mentee, { title: 'First' });
      const second = await bed.givenArtifact(otherMentee, { title: 'Second' });
      const gone = await bed.givenArtifact(mentee, { title: 'Gone' });
      const firstShare = await share(bed, first, mentee, coach, 'view');
      bed.clock.advance(60_000);
      await share(bed, gone, mentee, coach, 'view');
      bed.clock.advance(60_000);
      const secondShare = await share(bed, second, otherMentee, coach, 'high');
      await share(bed, first, mentee, otherCoach, 'view');
      // Deleted between the two reads of the list, its share not yet removed.
      await bed.artifacts.delete(TENANT, gone.id);

      const held = await bed.listShared.execute({ tenantId: TENANT, userId: coach, page: PAGE });

      expect(held.items).toEqual([
        { share: secondShare.share, artifact: second },
        { share: firstShare.share, artifact: first },
      ]);
      expect(
        (await bed.listShared.execute({ tenantId: OTHER_TENANT, userId: coach, page: PAGE })).items,
      ).toEqual([]);
    });
  });

  describe('re-share on a transfer (CO-A7)', () => {
    it("given a mentee's shares with a coach who leaves, when the transfer re-shares them, then the new coach holds them, the old one no longer finds them, and a redelivery changes nothing", async () => {
      const bed = buildArtifactsTestbed({ now: '2025-02-20T09:00:00.000Z' });
      const { mentee, coach: oldCoach, otherCoach: newCoach } = people();
      await bed.givenUsers([oldCoach, newCoach]);
      const artifact = await bed.givenArtifact(mentee);
      const before = await bed.givenArtifact(mentee, { title: 'Shared before the assignment' });
      await share(bed, before, mentee, oldCoach, 'view');
      bed.clock.set('2025-03-05T09:00:00.000Z');
      await share(bed, artifact, mentee, oldCoach, 'comment');
      const transfer = {
        tenantId: TENANT,
        menteeId: mentee,
        previousCoachIds: [oldCoach],
        coachIds: [newCoach],
        startDate: '2025-03-01',
        endDate: null,
        transferredAt: new Date('2025-03-10T09:00:00.000Z'),
      };

      expect(await bed.reshare.execute(transfer)).toEqual({ moved: 1 });
      expect(await bed.reshare.execute(transfer)).toEqual({ moved: 0 });

      expect(
        await bed.getArtifact.execute({
          tenantId: TENANT,
          artifactId: artifact.id,
          reader: aReader(newCoach),
        }),
      ).toMatchObject({ access: 'comment' });
      expect(await bed.shares.find(TENANT, artifact.id, newCoach)).toMatchObject({
        sharedBy: mentee,
        sharedAt: transfer.transferredAt,
        resharedFrom: oldCoach,
      });
      await expect(
        bed.getArtifact.execute({ tenantId: TENANT, artifactId: artifact.id, reader: aReader(oldCoach) }),
      ).rejects.toMatchObject({ code: 'ARTIFACT.NOT_FOUND' });
      // Shared before the assignment's window: it stays with the old coach.
      expect(
        (await bed.listShared.execute({ tenantId: TENANT, userId: oldCoach, page: PAGE })).items.map(
          (item) => item.artifact.id,
        ),
      ).toEqual([before.id]);
    });
  });
});
