import { ApiProperty } from '@nestjs/swagger';
import type { Artifact } from '../domain/artifact';
import { ARTIFACT_ACCESSES, type ArtifactAccess } from '../domain/artifact-access';
import type { ArtifactView } from '../use-cases/artifact.use-cases';
import type { HeldArtifact } from '../use-cases/share.use-cases';
import { ArtifactShareResponseDto } from './artifact-share.response.dto';

/** An artifact as its reader sees it (CO-W2). */
export class ArtifactResponseDto {
  id!: string;
  ownerId!: string;
  title!: string;
  link!: string | null;
  text!: string | null;
  /** What the caller may do with it: its owner, an administrator of the tenant, or a share's permission. */
  @ApiProperty({ enum: ARTIFACT_ACCESSES })
  access!: ArtifactAccess;
  /** Its shares, for its owner, an administrator and a holder of `high`; null for others. */
  shares!: ArtifactShareResponseDto[] | null;
  createdAt!: string;
  updatedAt!: string;
  version!: number;

  static from(view: ArtifactView): ArtifactResponseDto {
    return {
      ...fieldsOf(view.artifact),
      access: view.access,
      shares: view.shares?.map(ArtifactShareResponseDto.from) ?? null,
    };
  }

  /** One the caller owns (a list of its own, or one it just created or edited). */
  static owned(artifact: Artifact): ArtifactResponseDto {
    return { ...fieldsOf(artifact), access: 'owner', shares: null };
  }

  /** One shared with the caller, at its share's permission. */
  static held(held: HeldArtifact): ArtifactResponseDto {
    return { ...fieldsOf(held.artifact), access: held.share.permission, shares: null };
  }
}

function fieldsOf(artifact: Artifact): Omit<ArtifactResponseDto, 'access' | 'shares'> {
  return {
    id: artifact.id,
    ownerId: artifact.ownerId,
    title: artifact.title,
    link: artifact.link,
    text: artifact.text,
    createdAt: artifact.createdAt.toISOString(),
    updatedAt: artifact.updatedAt.toISOString(),
    version: artifact.version,
  };
}
