/** E-learning, or instructor-led with sessions (LE-C1). */
export const COURSE_KINDS = ['elearning', 'ilt'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** Only published courses appear in the catalog (LE-C1). */
export const COURSE_STATES = ['draft', 'published', 'archived'] as const;
export type CourseState = (typeof COURSE_STATES)[number];

export interface Course {
  id: string;
  tenantId: string;
  title: string;
  kind: CourseKind;
  state: CourseState;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}
