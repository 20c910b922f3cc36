import { PageQueryDto } from '../../shared/page-query.request.dto';

export class ListCoursesQueryDto extends PageQueryDto {}
