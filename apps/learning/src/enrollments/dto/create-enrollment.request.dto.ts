import { IsOptional, IsUUID } from 'class-validator';

/** `POST /v1/enrollments` (LE-E1): a learner enrolled in a published course. */
export class CreateEnrollmentRequestDto {
  @IsUUID()
  courseId!: string;

  /** The learner: the caller itself, or anyone of the tenant for administrators and power users. */
  @IsUUID()
  userId!: string;

  /** The session of an instructor-led course (required there); absent for e-learning. */
  @IsOptional()
  @IsUUID()
  sessionId?: string;
}
