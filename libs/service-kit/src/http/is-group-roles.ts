import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { GROUP_ROLES } from '@lms/contracts';

/** One or more roles within a group (ID-G1), each once: checked and documented alike. */
export function IsGroupRoles(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(GROUP_ROLES.length),
    ArrayUnique(),
    IsIn(GROUP_ROLES, { each: true }),
    ApiProperty({
      enum: GROUP_ROLES,
      isArray: true,
      minItems: 1,
      maxItems: GROUP_ROLES.length,
      uniqueItems: true,
    }),
  );
}
