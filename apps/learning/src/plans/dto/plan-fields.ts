import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { MAX_PLAN_COURSES } from '../domain/plan';

/** One to fifty courses, by id, each once: checked and documented alike. */
export function IsPlanCourseIds(required: boolean): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_PLAN_COURSES),
    ArrayUnique(),
    IsUUID('all', { each: true }),
    ApiProperty({
      type: [String],
      format: 'uuid',
      minItems: 1,
      maxItems: MAX_PLAN_COURSES,
      uniqueItems: true,
      required,
    }),
  );
}
