import { IsUUID } from 'class-validator';

/** The `:id` of an artifact. */
export class ArtifactIdParamsDto {
  @IsUUID()
  id!: string;
}

/** An artifact's `:id` and the `:userId` of a share of it. */
export class ArtifactShareParamsDto {
  @IsUUID()
  id!: string;

  @IsUUID()
  userId!: string;
}
