import { IsUUID } from 'class-validator';

export class BulkStateChangeIdParamsDto {
  @IsUUID() id!: string;
}
