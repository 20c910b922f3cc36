import { Inject, Injectable } from '@nestjs/common';
import type { Enrollment } from '../domain/enrollment';
import { ENROLLMENT_REPOSITORY, type EnrollmentRepository } from '../ports/enrollment.repository';
import { openEnrollmentToRead, type EnrollmentTarget } from './enrollment-target';
import { LearnerReaches } from './learner-reaches';

/** LE-E1: one enrollment, to those who manage enrollments and to its learner. */
@Injectable()
export class GetEnrollmentUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    private readonly reaches: LearnerReaches,
  ) {}

  execute(query: EnrollmentTarget): Promise<Enrollment> {
    return openEnrollmentToRead(this.enrollments, this.reaches, query);
  }
}
