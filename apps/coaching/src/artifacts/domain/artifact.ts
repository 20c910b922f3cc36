import { nameBasedId } from '@lms/kernel';

/**
 * What a share lets its holder do with an artifact (CO-W2): read it; read and comment on it;
 * or, at `high`, also share it onward. Ordered from least to most.
 */
export const ARTIFACT_PERMISSIONS = ['view', 'comment', 'high'] as const;
export type ArtifactPermission = (typeof ARTIFACT_PERMISSIONS)[number];

export const MAX_ARTIFACT_TITLE_LENGTH = 200;
export const MAX_ARTIFACT_TEXT_LENGTH = 20_000;
export const MAX_ARTIFACT_LINK_LENGTH = 2_000;

/** Something a mentee made or collected (a document's link, or a text) that it shares with its coaches (CO-W2). */
export interface Artifact {
  id: string;
  tenantId: string;
  /** The user who created it: the only one who edits or deletes it. */
  ownerId: string;
  title: string;
  link: string | null;
  text: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/**
 * One user's access to one artifact: at a permission, given by `sharedBy` (the owner, or a
 * holder of `high`) at `sharedAt`, the time a transfer's re-share looks at (CO-A7).
 */
export interface ArtifactShare {
  id: string;
  tenantId: string;
  artifactId: string;
  ownerId: string;
  userId: string;
  permission: ArtifactPermission;
  sharedBy: string;
  sharedAt: Date;
  /** Set on a share a transfer moved here: the coach it was shared with before. */
  resharedFrom: string | null;
}

/** What an artifact holds: exactly one of a link or a text. */
export interface ArtifactContent {
  title: string;
  link: string | null;
  text: string | null;
}

/** Why content is refused, or null when it is fine. */
export function contentProblem(content: ArtifactContent): string | null {
  if (content.title.trim() === '') return 'An artifact needs a title.';
  if ((content.link === null) === (content.text === null))
    return 'An artifact holds exactly one of a link or a text.';
  if (content.text !== null && content.text.trim() === '') return "An artifact's text cannot be blank.";
  return null;
}

/** True when `permission` allows at least what `wanted` does. */
export function permits(permission: ArtifactPermission, wanted: ArtifactPermission): boolean {
  return ARTIFACT_PERMISSIONS.indexOf(permission) >= ARTIFACT_PERMISSIONS.indexOf(wanted);
}

/** A share's id: one share per artifact and user, so that putting it again changes nothing. */
export function shareId(artifactId: string, userId: string): string {
  return nameBasedId(artifactId, userId);
}
