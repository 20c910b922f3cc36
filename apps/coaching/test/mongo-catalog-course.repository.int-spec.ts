import {
  CATALOG_COURSE_REPOSITORY,
  type CatalogCourseRepository,
} from '../src/courses/ports/catalog-course.repository';
import { describeCatalogCourseRepositoryContract } from '../src/testing/catalog-course-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its versioned batches. */
describeCatalogCourseRepositoryContract(
  'MongoCatalogCourseRepository',
  repositoryOfTheService<CatalogCourseRepository>(CATALOG_COURSE_REPOSITORY),
);
