import { PageQueryDto } from '@lms/service-kit';

/** The tenant's imports, newest first. */
export class ListImportsQueryDto extends PageQueryDto {}
