import { PageQueryDto } from '@lms/service-kit';

export class ListTenantsQueryDto extends PageQueryDto {}
