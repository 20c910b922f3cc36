import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

/**
 * A text of 1 to `max` characters once trimmed, kept trimmed; optional fields add
 * `@IsOptional()` (which also lets `null` through, where it removes the text).
 */
export function IsTrimmedText(max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    Length(1, max),
  );
}
