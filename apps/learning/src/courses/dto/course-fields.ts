import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MatchesPattern } from '@lms/service-kit';
import {
  MATERIAL_KINDS,
  MAX_COURSE_GROUPS,
  MAX_MATERIAL_ITEMS,
  MAX_MATERIAL_TITLE_LENGTH,
  MAX_MATERIAL_URL_LENGTH,
  type MaterialKind,
} from '../domain/course';

/** An instant with its time and zone, e.g. `2027-01-15T09:00:00Z`. */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Absent, or validated: unlike `@IsOptional()`, `null` is refused (a field that cannot be removed). */
export const Present = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

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

/** An http or https address. */
export function IsWebAddress(max: number): PropertyDecorator {
  return applyDecorators(IsUrl({ protocols: ['http', 'https'], require_protocol: true }), MaxLength(max));
}

/** An ISO 8601 instant with its zone; optional fields add `@IsOptional()`. */
export function IsInstant(required: boolean): PropertyDecorator {
  return applyDecorators(
    MatchesPattern(INSTANT_PATTERN, {
      message: '$property must be an ISO 8601 instant with its zone',
      required,
    }),
    IsISO8601({ strict: true }),
  );
}

/** Up to 100 groups, by id, each once: checked and documented alike. */
export function IsCourseGroupIds(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(MAX_COURSE_GROUPS),
    ArrayUnique(),
    IsUUID('all', { each: true }),
    ApiProperty({
      type: [String],
      format: 'uuid',
      maxItems: MAX_COURSE_GROUPS,
      uniqueItems: true,
      required: false,
    }),
  );
}

/** One item of a course's learning material. */
export class MaterialItemRequestDto {
  /**
   * 1 to 200 characters once trimmed.
   * @example "Welcome video"
   */
  @IsTrimmedText(MAX_MATERIAL_TITLE_LENGTH)
  title!: string;

  @IsIn(MATERIAL_KINDS)
  kind!: MaterialKind;

  /**
   * Where it is served from: http or https.
   * @example "https://media.example.com/welcome.mp4"
   */
  @IsWebAddress(MAX_MATERIAL_URL_LENGTH)
  url!: string;
}

/** Up to 100 items of learning material, in the order the learner meets them. */
export function IsMaterial(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(MAX_MATERIAL_ITEMS),
    ValidateNested({ each: true }),
    Type(() => MaterialItemRequestDto),
    ApiProperty({ type: [MaterialItemRequestDto], maxItems: MAX_MATERIAL_ITEMS, required: false }),
  );
}
