import type { CourseSession } from '../domain/course-session';

/** A session of an instructor-led course as the API shows it (LE-C1). */
export class CourseSessionResponseDto {
  id!: string;
  courseId!: string;
  startsAt!: string;
  endsAt!: string;
  /** Null: online only. */
  place!: string | null;
  /** Null: in person only. */
  link!: string | null;
  capacity!: number;
  createdAt!: string;
  updatedAt!: string;
  /** Send it back in `If-Match` to change this version only. */
  version!: number;

  static from(session: CourseSession): CourseSessionResponseDto {
    return {
      id: session.id,
      courseId: session.courseId,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      place: session.place,
      link: session.link,
      capacity: session.capacity,
      createdAt: session.createdAt.toISOString(),
      updatedAt: session.updatedAt.toISOString(),
      version: session.version,
    };
  }
}
