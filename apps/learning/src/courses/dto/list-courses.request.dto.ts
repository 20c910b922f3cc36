import { PageQueryDto } from '@lms/service-kit';

export class ListCoursesQueryDto extends PageQueryDto {}
