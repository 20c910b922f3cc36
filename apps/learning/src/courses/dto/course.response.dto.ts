import type {
  Course,
  CourseKind,
  CourseState,
  EnrollmentPolicy,
  MaterialItem,
  MaterialKind,
} from '../domain/course';

/** One item of a course's learning material. */
export class MaterialItemResponseDto {
  title!: string;
  kind!: MaterialKind;
  url!: string;

  static from(item: MaterialItem): MaterialItemResponseDto {
    return { title: item.title, kind: item.kind, url: item.url };
  }
}

/** A course as the API shows it (LE-C1). */
export class CourseResponseDto {
  id!: string;
  title!: string;
  /** Null: none. */
  description!: string | null;
  kind!: CourseKind;
  /** `draft`, `published` (in the catalog) or `archived` (history). */
  state!: CourseState;
  enrollmentPolicy!: EnrollmentPolicy;
  overbookingAllowed!: boolean;
  /** The groups whose members see it in the catalog; empty: every user of the tenant. */
  groupIds!: string[];
  material!: MaterialItemResponseDto[];
  /** Who created it; null for a caller without an account. */
  authorId!: string | null;
  createdAt!: string;
  updatedAt!: string;
  /** Send it back in `If-Match` to change this version only. */
  version!: number;

  static from(course: Course): CourseResponseDto {
    return {
      id: course.id,
      title: course.title,
      description: course.description,
      kind: course.kind,
      state: course.state,
      enrollmentPolicy: course.enrollmentPolicy,
      overbookingAllowed: course.overbookingAllowed,
      groupIds: [...course.groupIds],
      material: course.material.map(MaterialItemResponseDto.from),
      authorId: course.authorId,
      createdAt: course.createdAt.toISOString(),
      updatedAt: course.updatedAt.toISOString(),
      version: course.version,
    };
  }
}
