import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches, type ValidationOptions } from 'class-validator';

/**
 * A string that must match `pattern`, checked (class-validator) and documented (the pattern in
 * the API document): the Swagger plugin documents only patterns written as literals, so a
 * shared pattern constant goes through this decorator. `required` follows the property.
 */
export function MatchesPattern(
  pattern: RegExp,
  options: ValidationOptions & { required?: boolean } = {},
): PropertyDecorator {
  const { required = true, ...validation } = options;
  return applyDecorators(
    Matches(pattern, validation),
    ApiProperty({ type: String, pattern: pattern.source, required }),
  );
}
