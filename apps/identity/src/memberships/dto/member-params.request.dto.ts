import { IsUUID } from 'class-validator';

export class GroupPathDto {
  @IsUUID() groupId!: string;
}

export class MemberPathDto extends GroupPathDto {
  @IsUUID() userId!: string;
}
