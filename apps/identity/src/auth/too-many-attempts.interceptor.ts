import {
  HttpException,
  HttpStatus,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, throwError, type Observable } from 'rxjs';
import { TooManyAttemptsError } from './auth.errors';

/**
 * Answers {@link TooManyAttemptsError} with 429 and `Retry-After` (seconds): the problem+json
 * filter maps domain error kinds to statuses, and none of them is 429.
 */
@Injectable()
export class TooManyAttemptsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof TooManyAttemptsError)) return throwError(() => error);
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        void reply.header('retry-after', String(error.retryAfterSeconds));
        const problem = {
          code: error.code,
          detail: error.message,
          retryAfterSeconds: error.retryAfterSeconds,
        };
        return throwError(() => new HttpException(problem, HttpStatus.TOO_MANY_REQUESTS));
      }),
    );
  }
}
