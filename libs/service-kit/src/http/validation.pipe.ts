import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { cacheValidationMetadata } from '../validation/validation-metadata-cache';

export interface FieldError {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelisting validation: unknown properties are refused, never silently dropped. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BadRequestException({
        code: 'REQUEST.VALIDATION_FAILED',
        detail: 'The request is not valid.',
        errors: flatten(errors),
      }),
  });
}
