import type { Course, CourseKind, CourseState } from '../domain/course';

export class CourseResponseDto {
  id!: string;
  title!: string;
  kind!: CourseKind;
  state!: CourseState;
  createdAt!: string;
  version!: number;

  static from(course: Course): CourseResponseDto {
    return {
      id: course.id,
      title: course.title,
      kind: course.kind,
      state: course.state,
      createdAt: course.createdAt.toISOString(),
      version: course.version,
    };
  }
}
