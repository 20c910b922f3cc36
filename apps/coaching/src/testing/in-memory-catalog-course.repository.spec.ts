import { describeCatalogCourseRepositoryContract } from './catalog-course-repository.contract';
import { InMemoryCatalogCourseRepository } from './in-memory-catalog-course.repository';

describeCatalogCourseRepositoryContract(
  'InMemoryCatalogCourseRepository',
  () => new InMemoryCatalogCourseRepository(),
);
