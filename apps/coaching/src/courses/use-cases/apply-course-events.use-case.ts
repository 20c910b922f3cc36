import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { CatalogCourseChange } from '../domain/catalog-course';
import { CATALOG_COURSE_REPOSITORY, type CatalogCourseRepository } from '../ports/catalog-course.repository';

/**
 * A batch of learning's course events (rule 8), applied to coaching's projection of the catalog
 * in bulk: each course ends at its newest event, whatever the order of the batch. Idempotent
 * (rule 2): an event not newer than what the projection holds (a redelivery, an older copy)
 * changes nothing. Returns each change's outcome, in the order given.
 */
@Injectable()
export class ApplyCourseEventsUseCase {
  constructor(@Inject(CATALOG_COURSE_REPOSITORY) private readonly courses: CatalogCourseRepository) {}

  async execute(changes: readonly CatalogCourseChange[]): Promise<ProjectionOutcome[]> {
    if (changes.length === 0) return [];
    return this.courses.applyMany(changes);
  }
}
