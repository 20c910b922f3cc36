import { IsOptional } from 'class-validator';
import { IsArtifactLink, IsArtifactText, IsArtifactTitle } from './artifact-fields';

/** `POST /v1/artifacts` (CO-W2): exactly one of `link` and `text`. The owner is the caller. */
export class CreateArtifactRequestDto {
  /** @example "My presentation skills plan" */
  @IsArtifactTitle()
  title!: string;

  /** @example "https://docs.example.com/plan" */
  @IsOptional()
  @IsArtifactLink()
  link?: string;

  /** @example "What I want to work on this quarter: ..." */
  @IsOptional()
  @IsArtifactText()
  text?: string;
}
