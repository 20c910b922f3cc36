import { BusinessRuleError, DomainError, NotFoundError } from '@lms/kernel';
import type { ShareRefusal } from './domain/artifact-access';

/** Unknown to the tenant, or unknown to a caller who neither owns it nor holds a share of it. */
export class ArtifactNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('ARTIFACT.NOT_FOUND', `Artifact ${id} does not exist.`, { artifactId: id });
  }
}

/** CO-W2: only its owner edits or deletes an artifact. */
export class ArtifactNotOwnerError extends DomainError {
  constructor(id: string) {
    super('ARTIFACT.NOT_OWNER', 'forbidden', `Only the owner of artifact ${id} edits or deletes it.`, {
      artifactId: id,
    });
  }
}

/** A title, and exactly one of a link or a text. */
export class ArtifactContentInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('ARTIFACT.CONTENT_INVALID', reason);
  }
}

/** CO-W2: the owner shares; a holder of `high` shares onward and changes only the shares it gave. */
export class ArtifactShareForbiddenError extends DomainError {
  constructor(id: string, refusal: Exclude<ShareRefusal, 'owner'>) {
    super(
      'ARTIFACT.SHARE_FORBIDDEN',
      'forbidden',
      refusal === 'not-the-sharer'
        ? `Only the owner of artifact ${id}, or whoever gave a share of it, changes or takes back that share.`
        : `Only the owner of artifact ${id}, or a holder of a "high" share of it, shares it.`,
      { artifactId: id, rule: refusal },
    );
  }
}

/** Nobody shares an artifact with its owner. */
export class ArtifactShareWithOwnerError extends BusinessRuleError {
  constructor(id: string) {
    super('ARTIFACT.SHARE_WITH_OWNER', `Artifact ${id} is its owner's already: it is shared with others.`, {
      artifactId: id,
    });
  }
}

/** A share goes to a user of the tenant who may sign in (known to coaching, neither deactivated, expired nor deleted). */
export class ArtifactShareUserInvalidError extends BusinessRuleError {
  constructor(userId: string, reason: string) {
    super('ARTIFACT.SHARE_USER_INVALID', `Artifact shares go to active users; user ${userId} is ${reason}.`, {
      userId,
      reason,
    });
  }
}

export class ArtifactShareNotFoundError extends NotFoundError {
  constructor(artifactId: string, userId: string) {
    super('ARTIFACT.SHARE_NOT_FOUND', `Artifact ${artifactId} is not shared with user ${userId}.`, {
      artifactId,
      userId,
    });
  }
}

/** Artifacts belong to users: a caller that names no user (a service) neither creates nor shares one. */
export class ArtifactUserOnlyError extends DomainError {
  constructor() {
    super('ARTIFACT.USER_ONLY', 'forbidden', 'Artifacts are created and shared by signed-in users.');
  }
}

/** CO-W2: a holder of `view` reads an artifact and its comments, and does not comment. */
export class ArtifactCommentForbiddenError extends DomainError {
  constructor(id: string) {
    super(
      'ARTIFACT.COMMENT_FORBIDDEN',
      'forbidden',
      `Artifact ${id} is commented on by its owner and by holders of a "comment" or "high" share.`,
      { artifactId: id },
    );
  }
}
