import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUUID, ValidateNested } from 'class-validator';

/** A bound well above the rule (20), so that too many filters are refused with their own code. */
const MAX_FILTERS_READ = 100;

/** One learner-access filter: the custom field and its exact value, e.g. `{"field": "COUNTRY", "value": "UK"}`. */
export class CoachFilterDto {
  /** The custom field, e.g. `COUNTRY` (1 to 100 characters: checked by the rule, with its own code). */
  @IsString() field!: string;
  /** Its exact value, e.g. `UK`. */
  @IsString() value!: string;
}

export class DefineCoachProfileRequestDto {
  /** The coach's learner account: another active user of the tenant. */
  @IsUUID() learnerUserId!: string;
  /** The tenant's name of the right "can access the learners section", 1 to 100 characters. */
  @IsString() roleLearnerManager!: string;
  /** The tenant's name of the right "can be a coach", 1 to 100 characters. */
  @IsString() roleCoach!: string;
  /** At most 20; field and value each 1 to 100 characters, compared exactly. */
  @IsArray()
  @ArrayMaxSize(MAX_FILTERS_READ)
  @ValidateNested({ each: true })
  @Type(() => CoachFilterDto)
  filters!: CoachFilterDto[];
}
