import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@lms/service-kit';
import { ENROLLMENT_STATES, type EnrollmentState } from '../domain/enrollment';

/** `GET /v1/enrollments` (LE-E1): a page in creation order; each filter narrows. */
export class ListEnrollmentsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @IsOptional()
  @IsUUID()
  userId?: string;

  @IsOptional()
  @IsIn(ENROLLMENT_STATES)
  state?: EnrollmentState;
}
