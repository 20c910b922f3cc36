import { PageQueryDto } from '@lms/service-kit';

export class ListCoachProfilesQueryDto extends PageQueryDto {}

export class CoachPopulationQueryDto extends PageQueryDto {}
