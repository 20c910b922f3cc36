import { applyDecorators } from '@nestjs/common';
import { IsISO8601 } from 'class-validator';
import { MatchesPattern } from '@lms/service-kit';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '$property must be a day written YYYY-MM-DD';

/** A day written `YYYY-MM-DD` that exists (no 2025-02-30); optional fields add `@IsOptional()`. */
export function IsDay(): PropertyDecorator {
  return applyDecorators(
    MatchesPattern(DAY_PATTERN, { message: DAY_MESSAGE, required: false }),
    IsISO8601({ strict: true }, { message: DAY_MESSAGE }),
  );
}
