import { IsOptional } from 'class-validator';
import { IsArtifactLink, IsArtifactText, IsArtifactTitle } from './artifact-fields';

/**
 * `PATCH /v1/artifacts/{id}`: what changes. Giving a `link` makes it a link artifact (its text
 * goes), giving a `text` a text artifact; not both.
 */
export class UpdateArtifactRequestDto {
  /** @example "My presentation skills plan, v2" */
  @IsOptional()
  @IsArtifactTitle()
  title?: string;

  /** @example "https://docs.example.com/plan-v2" */
  @IsOptional()
  @IsArtifactLink()
  link?: string;

  /** @example "Updated after our second session: ..." */
  @IsOptional()
  @IsArtifactText()
  text?: string;
}
