import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@lms/observability';
import { DomainError, type DomainErrorKind } from '@lms/kernel';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The path the client called at the gateway, which the gateway sets on every request it
 * forwards: the `instance` of an error is the client's path, not the service's internal one.
 */
export const FORWARDED_URI_HEADER = 'x-forwarded-uri';

/** The HTTP status of each kind of domain error. */
export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  malformed: HttpStatus.BAD_REQUEST,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  stale: HttpStatus.PRECONDITION_FAILED,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.ROUTE_NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.BODY_TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.RATE_LIMITED',
  500: 'SERVER.INTERNAL_ERROR',
};

/** The code of a status the table does not name: the generic one of its class. */
function codeOfStatus(status: number): string {
  return CODE_OF_STATUS[status] ?? CODE_OF_STATUS[status >= 500 ? 500 : 400];
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

/** Turns every error into `application/problem+json` with a stable `code`; never a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    problem.instance = instanceOf(request);
    const retryAfter = problem.retryAfterSeconds;
    if (problem.status === 429 && typeof retryAfter === 'number')
      void reply.header('retry-after', String(retryAfter));
    const correlationId = (request as { correlationId?: unknown }).correlationId;
    if (typeof correlationId === 'string') problem.correlationId = correlationId;
    if (problem.status >= 500) {
      // A failure the code raised on purpose (an upstream down) needs its code, not a stack.
      const expected = exception instanceof HttpException || exception instanceof DomainError;
      const cause = expected ? { code: problem.code, detail: problem.detail } : { err: exception };
      this.logger.error({ ...cause, method: request.method, url: request.url }, 'request failed');
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const status = STATUS_OF_KIND[exception.kind];
      return problem(status, exception.code, exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const extensions = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const code = typeof extensions.code === 'string' ? extensions.code : codeOfStatus(status);
      const detail = typeof extensions.detail === 'string' ? extensions.detail : exception.message;
      const { code: _c, detail: _d, message: _m, statusCode: _s, error: _e, ...rest } = extensions;
      return problem(status, code, detail, rest);
    }
    const status = statusOfFrameworkError(exception);
    if (status) return problem(status, codeOfStatus(status), (exception as Error).message);
    return problem(
      HttpStatus.INTERNAL_SERVER_ERROR,
      codeOfStatus(HttpStatus.INTERNAL_SERVER_ERROR),
      'An unexpected error occurred.',
    );
  }
}

/** The path the client called: the gateway's when it came through the gateway. */
function instanceOf(request: FastifyRequest): string {
  const forwarded = request.headers[FORWARDED_URI_HEADER];
  return typeof forwarded === 'string' && forwarded.startsWith('/') ? forwarded : request.url;
}

/** Fastify's own errors (body too large, bad JSON) carry a 4xx statusCode. */
function statusOfFrameworkError(exception: unknown): number | null {
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : null;
}

function problem(
  status: number,
  code: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  return {
    // A detail of the error never overrides a member the problem format itself defines.
    ...extensions,
    type: `https://errors.coaching-platform.dev/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: titleOf(status),
    status,
    code,
    detail,
  };
}

function titleOf(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string'
    ? name
        .toLowerCase()
        .split('_')
        .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
        .join(' ')
    : 'Error';
}
