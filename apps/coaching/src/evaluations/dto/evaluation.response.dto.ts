import type { Evaluation } from '../domain/coaching-record';

/** An expertise evaluation as the API shows it (CO-W3). */
export class EvaluationResponseDto {
  id!: string;
  /** The user evaluated. */
  menteeId!: string;
  /** Who wrote it first: a coach or a manager of the mentee. */
  authorId!: string;
  skill!: string;
  /** A whole number from 1 (lowest) to 5 (highest). */
  score!: number;
  comment!: string | null;
  createdAt!: string;
  updatedAt!: string;
  /** Send it back in `If-Match` to change this version only. */
  version!: number;

  static from(evaluation: Evaluation): EvaluationResponseDto {
    return {
      id: evaluation.id,
      menteeId: evaluation.menteeId,
      authorId: evaluation.authorId,
      skill: evaluation.content.skill,
      score: evaluation.content.score,
      comment: evaluation.content.comment,
      createdAt: evaluation.createdAt.toISOString(),
      updatedAt: evaluation.updatedAt.toISOString(),
      version: evaluation.version,
    };
  }
}
