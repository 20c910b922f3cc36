import { IsUUID } from 'class-validator';

export class CoachIdParamsDto {
  /** The coach's manager account. */
  @IsUUID() id!: string;
}

export class CoachManagerParamsDto {
  /** The coach's manager account: an active user of the tenant. */
  @IsUUID() managerUserId!: string;
}
