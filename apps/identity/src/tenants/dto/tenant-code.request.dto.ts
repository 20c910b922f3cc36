import { IsString, Matches } from 'class-validator';
import { TENANT_CODE_PATTERN } from '@lms/contracts';

export class TenantCodeParamsDto {
  @IsString() @Matches(TENANT_CODE_PATTERN) code!: string;
}
