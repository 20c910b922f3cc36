import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { CORRELATION_ID_HEADER, correlationIdFrom, runWithContext } from '@lms/observability';

interface RequestWithCorrelation {
  headers: Record<string, string | string[] | undefined>;
  correlationId?: string;
}

/** Runs every HTTP handler inside the request's correlation context, so events and logs carry it. */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithCorrelation>();
    const correlationId = request.correlationId ?? correlationIdFrom(request.headers[CORRELATION_ID_HEADER]);
    return new Observable((subscriber) =>
      runWithContext({ correlationId, causationId: null }, () => next.handle().subscribe(subscriber)),
    );
  }
}
