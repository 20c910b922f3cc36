import { IsUUID } from 'class-validator';

/** The `:id` of a unit's routes. */
export class UnitIdParamsDto {
  @IsUUID() id!: string;
}

/** The `:id` and `:teamId` of a team's routes. */
export class TeamParamsDto extends UnitIdParamsDto {
  @IsUUID() teamId!: string;
}

/** The `:id` and `:userId` of a unit's manager. */
export class UnitUserParamsDto extends UnitIdParamsDto {
  @IsUUID() userId!: string;
}

/** The `:id`, `:teamId` and `:userId` of a team's manager or member. */
export class TeamUserParamsDto extends TeamParamsDto {
  @IsUUID() userId!: string;
}
