import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MembershipsModule } from '../memberships/memberships.module';
import { CatalogController } from './catalog.controller';
import { CourseRolesController } from './course-roles.controller';
import { CourseSessionsController } from './course-sessions.controller';
import { CoursesController } from './courses.controller';
import { COURSE_SESSION_MODEL, CourseSessionSchema } from './infra/course-session.schema';
import { COURSE_MODEL, CourseSchema } from './infra/course.schema';
import { MongoCourseSessionRepository } from './infra/mongo-course-session.repository';
import { MongoCourseRepository } from './infra/mongo-course.repository';
import { COURSE_SESSION_REPOSITORY } from './ports/course-session.repository';
import { COURSE_REPOSITORY } from './ports/course.repository';
import { ChangeCourseStateUseCase } from './use-cases/change-course-state.use-case';
import { CreateCourseSessionUseCase } from './use-cases/create-course-session.use-case';
import { CreateCourseUseCase } from './use-cases/create-course.use-case';
import { DeleteCourseSessionUseCase } from './use-cases/delete-course-session.use-case';
import { DeleteCourseUseCase } from './use-cases/delete-course.use-case';
import { EditCourseSessionUseCase } from './use-cases/edit-course-session.use-case';
import { EditCourseUseCase } from './use-cases/edit-course.use-case';
import { GetCourseUseCase } from './use-cases/get-course.use-case';
import { ListCatalogUseCase } from './use-cases/list-catalog.use-case';
import { ListCourseSessionsUseCase } from './use-cases/list-course-sessions.use-case';
import { ListCoursesUseCase } from './use-cases/list-courses.use-case';
import { GrantCourseRoleUseCase } from './use-cases/grant-course-role.use-case';
import { ListCourseRolesUseCase } from './use-cases/list-course-roles.use-case';
import { RevokeCourseRoleUseCase } from './use-cases/revoke-course-role.use-case';
import { TransferCourseAuthorshipUseCase } from './use-cases/transfer-course-authorship.use-case';
import { ReleaseRolesOfDeletedUsersUseCase } from './use-cases/release-roles-of-deleted-users.use-case';

/**
 * Courses (LE-C1): drafts, published in the catalog (per-group libraries), archived; their
 * learning material and the sessions of instructor-led ones. Publishing, changing a published
 * course and archiving publish the courses stream; who sees which library comes from the
 * group memberships projection. Course roles (LE-C2) live on the course: granted, revoked and
 * the authorship handed on, each change with its event on the course roles stream; a deleted
 * account's roles are released from identity's user events (consumed by the users feature).
 */
@Module({
  imports: [MembershipsModule],
  controllers: [CoursesController, CourseSessionsController, CourseRolesController, CatalogController],
  providers: [
    mongoModel(COURSE_MODEL, CourseSchema),
    mongoModel(COURSE_SESSION_MODEL, CourseSessionSchema),
    { provide: COURSE_REPOSITORY, useClass: MongoCourseRepository },
    { provide: COURSE_SESSION_REPOSITORY, useClass: MongoCourseSessionRepository },
    CreateCourseUseCase,
    GetCourseUseCase,
    ListCoursesUseCase,
    EditCourseUseCase,
    ChangeCourseStateUseCase,
    DeleteCourseUseCase,
    ListCatalogUseCase,
    CreateCourseSessionUseCase,
    ListCourseSessionsUseCase,
    EditCourseSessionUseCase,
    DeleteCourseSessionUseCase,
    ListCourseRolesUseCase,
    GrantCourseRoleUseCase,
    RevokeCourseRoleUseCase,
    TransferCourseAuthorshipUseCase,
    ReleaseRolesOfDeletedUsersUseCase,
  ],
  exports: [COURSE_REPOSITORY, COURSE_SESSION_REPOSITORY, ReleaseRolesOfDeletedUsersUseCase],
})
export class CoursesModule {}
