import type { Page } from '../../shared/page';
import type { Course, CourseKind, CourseState } from '../domain/course';

export class CourseResponseDto {
  id!: string;
  title!: string;
  kind!: CourseKind;
  state!: CourseState;
  createdAt!: string;
  version!: number;

  static from(course: Course): CourseResponseDto {
    return Object.assign(new CourseResponseDto(), {
      id: course.id,
      title: course.title,
      kind: course.kind,
      state: course.state,
      createdAt: course.createdAt.toISOString(),
      version: course.version,
    });
  }
}

export class CoursePageResponseDto {
  items!: CourseResponseDto[];
  nextOffset!: number | null;

  static from(page: Page<Course>): CoursePageResponseDto {
    return Object.assign(new CoursePageResponseDto(), {
      items: page.items.map((course) => CourseResponseDto.from(course)),
      nextOffset: page.nextOffset,
    });
  }
}
