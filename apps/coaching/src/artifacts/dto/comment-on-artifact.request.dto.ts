import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { MAX_ARTIFACT_COMMENT_LENGTH } from '../domain/artifact-comment';

/** `POST /v1/artifacts/{id}/comments` (CO-W2). The author is the caller. */
export class CommentOnArtifactRequestDto {
  /**
   * 1 to 4000 characters once trimmed.
   * @example "Clear plan: let's start with the second objective."
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, MAX_ARTIFACT_COMMENT_LENGTH)
  text!: string;
}
