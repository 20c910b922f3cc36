import { ApiProperty } from '@nestjs/swagger';
import { ARTIFACT_PERMISSIONS, type ArtifactPermission, type ArtifactShare } from '../domain/artifact';

/** Who holds an artifact, at which permission, since when, given by whom. */
export class ArtifactShareResponseDto {
  artifactId!: string;
  userId!: string;
  @ApiProperty({ enum: ARTIFACT_PERMISSIONS })
  permission!: ArtifactPermission;
  /** The owner, or a holder of `high` who shared it onward. */
  sharedBy!: string;
  /** When it was first given (what a transfer's re-share looks at, CO-A7). */
  sharedAt!: string;
  /** On a share a transfer moved: the coach who held it before. */
  resharedFrom!: string | null;

  static from(share: ArtifactShare): ArtifactShareResponseDto {
    return {
      artifactId: share.artifactId,
      userId: share.userId,
      permission: share.permission,
      sharedBy: share.sharedBy,
      sharedAt: share.sharedAt.toISOString(),
      resharedFrom: share.resharedFrom,
    };
  }
}
