import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsUUID } from 'class-validator';
import { MatchesPattern } from '@lms/service-kit';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '$property must be a day written YYYY-MM-DD';

/** Coaches per assignment: a bound on the request size (security rules: size limits). */
export const MAX_COACHES = 50;

/** A day written `YYYY-MM-DD` that exists (no 2025-02-30); optional fields add `@IsOptional()`. */
export function IsDay(): PropertyDecorator {
  return applyDecorators(
    MatchesPattern(DAY_PATTERN, { message: DAY_MESSAGE, required: false }),
    IsISO8601({ strict: true }, { message: DAY_MESSAGE }),
  );
}

/** One to fifty coaches, by user id, each once: checked and documented alike. */
export function IsCoachIds(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_COACHES),
    ArrayUnique(),
    IsUUID('all', { each: true }),
    ApiProperty({
      type: [String],
      format: 'uuid',
      minItems: 1,
      maxItems: MAX_COACHES,
      uniqueItems: true,
    }),
  );
}
