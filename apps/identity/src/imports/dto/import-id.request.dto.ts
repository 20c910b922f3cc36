import { IsUUID } from 'class-validator';

export class ImportIdParamsDto {
  @IsUUID() id!: string;
}
