import { IsUUID } from 'class-validator';

export class GroupIdParamsDto {
  @IsUUID() id!: string;
}
