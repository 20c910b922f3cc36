import { newId } from '@lms/kernel';
import {
  ARTIFACT_PERMISSIONS,
  contentProblem,
  permits,
  shareId,
  type Artifact,
  type ArtifactPermission,
  type ArtifactShare,
} from './artifact';
import { accessTo, mayUnshare, shareRefusal, type ArtifactAccess } from './artifact-access';

const [OWNER, COACH, OTHER_COACH, STRANGER] = ['owner', 'coach-1', 'coach-2', 'stranger'];
const AT = new Date('2025-03-10T09:00:00.000Z');

const artifact: Artifact = {
  id: newId(AT),
  tenantId: 'tenant-a',
  ownerId: OWNER,
  title: 'Reading list',
  link: 'https://docs.example.test/list',
  text: null,
  createdAt: AT,
  updatedAt: AT,
  version: 1,
};

function share(userId: string, permission: ArtifactPermission, sharedBy = OWNER): ArtifactShare {
  return {
    id: shareId(artifact.id, userId),
    tenantId: artifact.tenantId,
    artifactId: artifact.id,
    ownerId: OWNER,
    userId,
    permission,
    sharedBy,
    sharedAt: AT,
    resharedFrom: null,
  };
}

describe('accessTo', () => {
  it('given its owner, then it is the owner, whatever else it is', () => {
    expect(accessTo(artifact, null, { userId: OWNER, administrator: false })).toBe('owner');
    expect(accessTo(artifact, null, { userId: OWNER, administrator: true })).toBe('owner');
  });

  it.each(ARTIFACT_PERMISSIONS)('given a holder of a %s share, then it has that permission', (permission) => {
    expect(accessTo(artifact, share(COACH, permission), { userId: COACH, administrator: false })).toBe(
      permission,
    );
  });

  it('given an administrator of the tenant holding a share, then the share says what it may do', () => {
    expect(accessTo(artifact, share(COACH, 'view'), { userId: COACH, administrator: true })).toBe('view');
  });

  it('given an administrator of the tenant without a share, or a service, then it reads as an administrator', () => {
    expect(accessTo(artifact, null, { userId: STRANGER, administrator: true })).toBe('administrator');
    expect(accessTo(artifact, null, { userId: null, administrator: true })).toBe('administrator');
  });

  it('given a user without a share, or a share held by someone else, then it may not even know the artifact exists', () => {
    expect(accessTo(artifact, null, { userId: STRANGER, administrator: false })).toBeNull();
    expect(accessTo(artifact, share(COACH, 'high'), { userId: STRANGER, administrator: false })).toBeNull();
    expect(accessTo(artifact, null, { userId: null, administrator: false })).toBeNull();
  });
});

describe('shareRefusal', () => {
  it.each<ArtifactAccess>(['owner', 'high', 'administrator', 'view'])(
    'given anyone (%s) sharing with the owner, then it is refused as the owner',
    (access) => {
      expect(shareRefusal(artifact, access, COACH, OWNER, null)).toBe('owner');
    },
  );

  it('given the owner, then it shares at any permission and changes any share', () => {
    expect(shareRefusal(artifact, 'owner', OWNER, COACH, null)).toBeNull();
    expect(shareRefusal(artifact, 'owner', OWNER, COACH, share(COACH, 'view', OTHER_COACH))).toBeNull();
  });

  it('given a holder of high, then it shares onward and changes the shares it gave, not those the owner or others gave', () => {
    expect(shareRefusal(artifact, 'high', COACH, OTHER_COACH, null)).toBeNull();
    expect(shareRefusal(artifact, 'high', COACH, OTHER_COACH, share(OTHER_COACH, 'view', COACH))).toBeNull();
    expect(shareRefusal(artifact, 'high', COACH, OTHER_COACH, share(OTHER_COACH, 'view', OWNER))).toBe(
      'not-the-sharer',
    );
    expect(shareRefusal(artifact, 'high', COACH, OTHER_COACH, share(OTHER_COACH, 'view', STRANGER))).toBe(
      'not-the-sharer',
    );
  });

  it.each<ArtifactAccess>(['view', 'comment', 'administrator'])(
    'given a reader with %s access, then it may not share',
    (access) => {
      expect(shareRefusal(artifact, access, COACH, OTHER_COACH, null)).toBe('not-allowed');
    },
  );
});

describe('mayUnshare', () => {
  it('given the owner, then it takes back any share', () => {
    expect(mayUnshare('owner', share(COACH, 'view', OTHER_COACH), OWNER)).toBe(true);
    expect(mayUnshare('owner', share(COACH, 'high'), OWNER)).toBe(true);
  });

  it('given whoever gave a share, then it takes that one back, and no other', () => {
    expect(mayUnshare('high', share(OTHER_COACH, 'view', COACH), COACH)).toBe(true);
    expect(mayUnshare('high', share(OTHER_COACH, 'view', OWNER), COACH)).toBe(false);
  });

  it('given a holder of its own share it did not give, or an administrator, then it may not take it back', () => {
    expect(mayUnshare('view', share(COACH, 'view'), COACH)).toBe(false);
    expect(mayUnshare('administrator', share(COACH, 'view'), STRANGER)).toBe(false);
  });
});

describe('contentProblem', () => {
  it('given a title and a link, or a title and a text, then the content is fine', () => {
    expect(contentProblem({ title: 'List', link: 'https://docs.example.test', text: null })).toBeNull();
    expect(contentProblem({ title: 'Notes', link: null, text: 'What I learnt' })).toBeNull();
  });

  it('given a blank title, then an artifact needs one', () => {
    expect(contentProblem({ title: '  ', link: 'https://docs.example.test', text: null })).toBe(
      'An artifact needs a title.',
    );
  });

  it('given both a link and a text, or neither, then it holds exactly one', () => {
    const problem = 'An artifact holds exactly one of a link or a text.';
    expect(contentProblem({ title: 'Both', link: 'https://docs.example.test', text: 'And text' })).toBe(
      problem,
    );
    expect(contentProblem({ title: 'Neither', link: null, text: null })).toBe(problem);
  });

  it('given a blank text, then it is refused', () => {
    expect(contentProblem({ title: 'Notes', link: null, text: ' \n ' })).toBe(
      "An artifact's text cannot be blank.",
    );
  });
});

describe('permits', () => {
  it('given permissions from least to most, then each allows itself and those below it, never those above', () => {
    const table = ARTIFACT_PERMISSIONS.map((permission) =>
      ARTIFACT_PERMISSIONS.map((wanted) => permits(permission, wanted)),
    );

    expect(table).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });
});
