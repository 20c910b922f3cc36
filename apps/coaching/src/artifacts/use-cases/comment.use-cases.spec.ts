import { DomainError, newId } from '@lms/kernel';
import { aReader, buildArtifactsTestbed } from '../../testing/artifacts-testbed';
import { TENANT } from '../../testing/coaching-testbed';

async function codeOf(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${String(error)}`);
  return error.code;
}

describe('comments on artifacts (CO-W2)', () => {
  const [mentee, commenter, viewer, stranger, administrator] = [newId(), newId(), newId(), newId(), newId()];

  async function givenShared() {
    const t = buildArtifactsTestbed();
    await t.givenUsers([mentee, commenter, viewer]);
    const artifact = await t.givenArtifact(mentee);
    const share = (userId: string, permission: 'view' | 'comment') =>
      t.shareArtifact.execute({
        tenantId: TENANT,
        artifactId: artifact.id,
        reader: aReader(mentee),
        userId,
        permission,
      });
    await share(commenter, 'comment');
    await share(viewer, 'view');
    const comment = (userId: string, text: string, options: { administrator?: boolean } = {}) =>
      t.commentOnArtifact.execute({
        tenantId: TENANT,
        artifactId: artifact.id,
        reader: aReader(userId, options),
        text,
      });
    const list = (userId: string, options: { administrator?: boolean } = {}) =>
      t.listComments.execute({
        tenantId: TENANT,
        artifactId: artifact.id,
        reader: aReader(userId, options),
        page: { limit: 50 },
      });
    return { t, artifact, comment, list };
  }

  it('given a holder of comment and the owner, then both comment and every reader of the artifact reads them oldest first', async () => {
    const { t, comment, list } = await givenShared();

    await comment(commenter, 'Good start.');
    t.clock.advance(1_000);
    await comment(mentee, 'Thanks!');

    for (const reader of [mentee, commenter, viewer])
      expect((await list(reader)).items.map((c) => c.text)).toEqual(['Good start.', 'Thanks!']);
    expect((await list(administrator, { administrator: true })).items).toHaveLength(2);
  });

  it('given a holder of view or an administrator, then commenting is refused; a stranger does not find the artifact', async () => {
    const { comment, list } = await givenShared();

    expect(await codeOf(comment(viewer, 'Nice'))).toBe('ARTIFACT.COMMENT_FORBIDDEN');
    expect(await codeOf(comment(administrator, 'Checked', { administrator: true }))).toBe(
      'ARTIFACT.COMMENT_FORBIDDEN',
    );
    expect(await codeOf(comment(stranger, 'Hi'))).toBe('ARTIFACT.NOT_FOUND');
    expect(await codeOf(list(stranger))).toBe('ARTIFACT.NOT_FOUND');
  });

  it('given the artifact deleted, then its comments go with it', async () => {
    const { t, artifact, comment } = await givenShared();
    await comment(commenter, 'Good start.');

    await t.deleteArtifact.execute({ tenantId: TENANT, artifactId: artifact.id, reader: aReader(mentee) });

    expect((await t.comments.listOf(TENANT, artifact.id, { limit: 50 })).items).toEqual([]);
  });
});
