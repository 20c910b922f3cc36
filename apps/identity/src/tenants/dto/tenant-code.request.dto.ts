import { MatchesPattern } from '@lms/service-kit';
import { IsString } from 'class-validator';
import { TENANT_CODE_PATTERN } from '@lms/contracts';

export class TenantCodeParamsDto {
  @IsString() @MatchesPattern(TENANT_CODE_PATTERN) code!: string;
}
