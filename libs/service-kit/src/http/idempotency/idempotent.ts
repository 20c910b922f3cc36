import { createHash } from 'node:crypto';
import {
  applyDecorators,
  BadRequestException,
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, of, catchError, type Observable } from 'rxjs';
import { BusinessRuleError, CLOCK, ConflictError, type Clock } from '@lms/kernel';
import type { RequestWithPrincipal } from '../../auth/principal';
import { IdempotencyStore } from './idempotency-store';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer that repeats the one given to an earlier request with the same key. */
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';
const IDEMPOTENT = 'http:idempotent';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export class IdempotencyKeyReusedError extends BusinessRuleError {
  constructor() {
    super(
      'IDEMPOTENCY.KEY_REUSED',
      'This Idempotency-Key was used with another request body: use a new key for a new request.',
    );
  }
}

export class IdempotentRequestInProgressError extends ConflictError {
  constructor() {
    super('IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still running: retry shortly.');
  }
}

/**
 * A creating route that honours `Idempotency-Key`: a retry with the same key and body gets
 * the first answer again (with `Idempotent-Replayed: true`) and creates nothing twice; the
 * same key with another body is refused (422 `IDEMPOTENCY.KEY_REUSED`); a retry while the
 * first request still runs gets 409 `IDEMPOTENCY.IN_PROGRESS`. Keys are the caller's own:
 * two callers may use the same key.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (1 to 255 visible ASCII characters), e.g. a UUID: a retry with the same key and body repeats the first answer instead of creating again.',
    }),
  );
}

/** A stable digest of a JSON value: the same data in another key order is the same body. */
function digestOf(value: unknown): string {
  const canonical = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(canonical);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.keys(node)
        .sort()
        .map((key) => [key, canonical((node as Record<string, unknown>)[key])]),
    );
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(value ?? null)))
    .digest('hex');
}

/** Applies `@Idempotent()` routes' keys; every other request passes untouched. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http' || !this.reflector.get<boolean>(IDEMPOTENT, context.getHandler()))
      return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(key))
      throw new BadRequestException({
        code: 'REQUEST.IDEMPOTENCY_KEY_INVALID',
        detail: 'An Idempotency-Key is 1 to 255 visible ASCII characters.',
      });
    const caller = request.principal;
    const route = request.routeOptions.url ?? request.url.split('?', 1)[0];
    const id = digestOf([caller?.tenantId ?? null, caller?.userId ?? null, request.method, route, key]);
    const started = await this.store.begin(id, digestOf(request.body), this.clock.now());
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    switch (started.outcome) {
      case 'mismatch':
        throw new IdempotencyKeyReusedError();
      case 'in_progress':
        throw new IdempotentRequestInProgressError();
      case 'replay':
        // The first answer's status too: a route that answers 200 or 201 as it went is repeated as it went.
        void reply.header(IDEMPOTENT_REPLAY_HEADER, 'true').status(started.status);
        return of(started.body);
      case 'started': {
        return next.handle().pipe(
          // The status the route answered with: its default, or the one the handler set.
          mergeMap((body: unknown) => from(this.store.finish(id, reply.statusCode, body).then(() => body))),
          catchError((error: unknown) => from(this.store.abandon(id).then(() => Promise.reject(error)))),
        );
      }
    }
  }
}
