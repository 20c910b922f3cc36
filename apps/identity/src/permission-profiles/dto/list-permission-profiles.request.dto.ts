import { PageQueryDto } from '@lms/service-kit';

export class ListPermissionProfilesQueryDto extends PageQueryDto {}
