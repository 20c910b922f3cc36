import { ApiProperty } from '@nestjs/swagger';
import {
  COURSE_KINDS,
  COURSE_STATES,
  ENROLLMENT_STATES,
  type CourseKind,
  type CourseState,
  type EnrollmentState,
} from '@lms/contracts';
import type { RecommendedCourse } from '../use-cases/recommended-course';

/** A course a coach recommended to a mentee (CO-W4), as the API shows it. */
export class RecommendationResponseDto {
  id!: string;
  coachId!: string;
  menteeId!: string;
  courseId!: string;
  /** The course's title in the catalog; null when the catalog does not know it (any more). */
  courseTitle!: string | null;
  @ApiProperty({ enum: COURSE_KINDS, type: String, nullable: true })
  courseKind!: CourseKind | null;
  /** Whether the course is still in the catalog (`published`) or was withdrawn since. */
  @ApiProperty({ enum: COURSE_STATES, type: String, nullable: true })
  courseState!: CourseState | null;
  note!: string | null;
  createdAt!: string;
  /**
   * The mentee's enrollment in the course as learning last told it (`completed`: it completed
   * the course); null while the mentee is not enrolled in it.
   */
  @ApiProperty({ enum: ENROLLMENT_STATES, type: String, nullable: true })
  enrollmentState!: EnrollmentState | null;

  static from({ recommendation, course, enrollmentState }: RecommendedCourse): RecommendationResponseDto {
    return {
      id: recommendation.id,
      coachId: recommendation.coachId,
      menteeId: recommendation.menteeId,
      courseId: recommendation.courseId,
      courseTitle: course?.title ?? null,
      courseKind: course?.kind ?? null,
      courseState: course?.state ?? null,
      note: recommendation.note,
      createdAt: recommendation.createdAt.toISOString(),
      enrollmentState,
    };
  }
}

/** The recommendations one request made, one per course asked, in the order asked. */
export class RecommendationsResponseDto {
  items!: RecommendationResponseDto[];

  static from(recommended: readonly RecommendedCourse[]): RecommendationsResponseDto {
    return { items: recommended.map((item) => RecommendationResponseDto.from(item)) };
  }
}
