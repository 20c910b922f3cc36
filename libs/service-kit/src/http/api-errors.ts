import { ApiExtension } from '@nestjs/swagger';

/** The OpenAPI extension listing the error codes a route answers with besides the common ones. */
export const ERROR_CODES_EXTENSION = 'x-error-codes';

/**
 * The error codes of a route's own rules (`USER.NOT_FOUND`, `USER.EMAIL_TAKEN`...): the API
 * document lists each under its status, taken from the error catalogue, and its generator
 * refuses a code that nothing raises. The common answers (validation, authentication, the
 * route's access rule, rate limits) need not be listed.
 */
export function ApiErrors(...codes: string[]): MethodDecorator & ClassDecorator {
  return ApiExtension(ERROR_CODES_EXTENSION, codes);
}
