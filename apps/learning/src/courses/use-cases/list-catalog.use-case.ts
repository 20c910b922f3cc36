import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { Course, CourseKind } from '../domain/course';
import { catalogSeesEverything, type CatalogReader, type CourseActor } from '../domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import {
  GROUP_MEMBERSHIP_REPOSITORY,
  type GroupMembershipRepository,
} from '../../memberships/ports/group-membership.repository';

export interface ListCatalogQuery {
  tenantId: string;
  actor: CourseActor;
  kind?: CourseKind;
  page: PageRequest;
}

/**
 * LE-C1: the catalog, the published courses the caller may see, in creation order: those
 * offered to every user of the tenant and those of the libraries of its groups; every
 * published course to administrators.
 */
@Injectable()
export class ListCatalogUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(GROUP_MEMBERSHIP_REPOSITORY) private readonly memberships: GroupMembershipRepository,
  ) {}

  async execute(query: ListCatalogQuery): Promise<Page<Course>> {
    const { tenantId, actor } = query;
    const reader: CatalogReader = catalogSeesEverything(actor)
      ? { everything: true }
      : {
          everything: false,
          memberOf: actor.userId === null ? [] : await this.memberships.groupsOf(tenantId, actor.userId),
        };
    return this.courses.listCatalog(tenantId, reader, query.kind, query.page);
  }
}
