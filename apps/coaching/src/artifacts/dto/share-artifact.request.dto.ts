import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ARTIFACT_PERMISSIONS, type ArtifactPermission } from '../domain/artifact';

/** `PUT /v1/artifacts/{id}/shares/{userId}` (CO-W2). */
export class ShareArtifactRequestDto {
  /** `view` reads it, `comment` also comments on it, `high` also shares it onward. */
  @ApiProperty({ enum: ARTIFACT_PERMISSIONS })
  @IsIn(ARTIFACT_PERMISSIONS)
  permission!: ArtifactPermission;
}
