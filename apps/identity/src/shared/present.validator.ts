import { ValidateIf } from 'class-validator';

/** Absent, or validated: unlike `@IsOptional()`, `null` is refused. */
export const Present = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
