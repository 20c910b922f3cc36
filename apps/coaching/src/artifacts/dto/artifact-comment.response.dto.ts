import type { ArtifactComment } from '../domain/artifact-comment';

/** A comment on an artifact as the API shows it. */
export class ArtifactCommentResponseDto {
  id!: string;
  artifactId!: string;
  authorId!: string;
  text!: string;
  createdAt!: string;

  static from(comment: ArtifactComment): ArtifactCommentResponseDto {
    return {
      id: comment.id,
      artifactId: comment.artifactId,
      authorId: comment.authorId,
      text: comment.text,
      createdAt: comment.createdAt.toISOString(),
    };
  }
}
