import {
  BadRequestException,
  createParamDecorator,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';

/** A resource's version as an entity tag: `"7"`. */
export function entityTagOf(version: number): string {
  return `"${version}"`;
}

/** The version an `If-Match` header names (`"7"`, or weak `W/"7"`); undefined: none, or `*`. */
export function versionOfIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!match)
    throw new BadRequestException({
      code: 'REQUEST.IF_MATCH_INVALID',
      detail: 'If-Match takes the ETag of the resource as read, e.g. "7".',
    });
  return Number(match[1]);
}

/**
 * The version the caller expects the resource to be at (`If-Match`), for a change that must
 * not overwrite another one unseen: the use case refuses with 412 `REQUEST.STALE_VERSION`
 * when the resource is at another version. Without the header the change applies to the
 * current version, whatever it is.
 */
export const IfMatch = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number | undefined => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    return versionOfIfMatch(Array.isArray(header) ? header[0] : header);
  },
  [
    (target: object, key: string | symbol | undefined) => {
      if (key === undefined) return;
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (!descriptor) return;
      ApiHeader({
        name: 'If-Match',
        required: false,
        description: 'The ETag of the resource as read: the change is refused (412) if it changed since.',
      })(target, key, descriptor);
    },
  ],
);

/**
 * Gives every single resource answered (an object with an `id` and a numeric `version`) its
 * `ETag`, the version the client sends back in `If-Match` to change it safely.
 */
@Injectable()
export class EntityTagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number' && typeof (body as { id?: unknown }).id === 'string')
          void reply.header('etag', entityTagOf(version));
        return body;
      }),
    );
  }
}
