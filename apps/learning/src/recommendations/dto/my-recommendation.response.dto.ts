import { ApiProperty } from '@nestjs/swagger';
import { ENROLLMENT_STATES, type EnrollmentState } from '@lms/contracts';
import type { Enrollment } from '../../enrollments/domain/enrollment';
import type { MyRecommendation } from '../use-cases/list-my-recommendations.use-case';

/** The caller's enrollment in a course recommended to it. */
export class RecommendedCourseEnrollmentResponseDto {
  @ApiProperty({ enum: ENROLLMENT_STATES, type: String })
  state!: EnrollmentState;
  /** When the caller was enrolled. */
  enrolledAt!: string;
  /**
   * While the enrollment is `completed`: its last change, the completion unless progress was
   * recorded after it; null otherwise.
   */
  completedAt!: string | null;

  static from(enrollment: Enrollment): RecommendedCourseEnrollmentResponseDto {
    return {
      state: enrollment.state,
      enrolledAt: enrollment.createdAt.toISOString(),
      completedAt: enrollment.state === 'completed' ? enrollment.updatedAt.toISOString() : null,
    };
  }
}

/** A course a coach recommended to the caller (`GET /v1/me/recommendations`, CO-W4). */
export class RecommendedCourseResponseDto {
  recommendationId!: string;
  courseId!: string;
  /** The course's title; null when neither learning nor the recommendation knows it. */
  courseTitle!: string | null;
  /** The coach who recommended it. */
  coachId!: string;
  /** Why the coach recommends it; null: no note. */
  note!: string | null;
  recommendedAt!: string;
  /** The caller's enrollment in the course; null while it is not enrolled. */
  enrollment!: RecommendedCourseEnrollmentResponseDto | null;

  static from(item: MyRecommendation): RecommendedCourseResponseDto {
    const { recommendation } = item;
    return {
      recommendationId: recommendation.recommendationId,
      courseId: recommendation.courseId,
      courseTitle: item.course?.title ?? recommendation.courseTitle,
      coachId: recommendation.coachId,
      note: recommendation.note,
      recommendedAt: recommendation.recommendedAt.toISOString(),
      enrollment: item.enrollment && RecommendedCourseEnrollmentResponseDto.from(item.enrollment),
    };
  }
}
