import { Readable, Transform } from 'node:stream';
import httpProxy, { type FastifyHttpProxyOptions } from '@fastify/http-proxy';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { CORRELATION_ID_HEADER, correlationIdFrom } from '@lms/observability';
import type { GatewayPrincipalGuard } from '../auth/gateway-principal.guard';
import { upstreamRequestHeaders, withoutHopByHopHeaders } from './forwarded-headers';
import type { UpstreamRoute } from './routing-table';

export interface UpstreamProxyOptions {
  routes: readonly UpstreamRoute[];
  guard: GatewayPrincipalGuard;
  /** Counts the call against its verified account's limit; refuses it past the limit. */
  limitAccount: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** Deadline for the upstream's response headers, and between two chunks of its body. */
  timeoutMs: number;
  bodyLimitBytes: number;
  /** Largest `multipart/form-data` body (an import file): streamed, never buffered. */
  uploadLimitBytes: number;
}

const PROXIED_METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'OPTIONS'];

/**
 * Registers the routing table on Fastify: every route of a service prefix is forwarded
 * as is (method, rest of the path, query, body) with `@fastify/http-proxy`, after the
 * principal guard and the body-size limit: bodies up to `bodyLimitBytes`, buffered, except
 * `multipart/form-data` uploads, up to `uploadLimitBytes` and streamed through as they come
 * (a 100,000-row import file is never held whole here). Upstream failures become problem+json:
 * 502 `GATEWAY.UPSTREAM_UNAVAILABLE`, 504 `GATEWAY.UPSTREAM_TIMEOUT`.
 */
export function registerUpstreamProxy(fastify: FastifyInstance, options: UpstreamProxyOptions): void {
  fastify.register(async (scope) => {
    // Bodies are forwarded as they came, never parsed: the proxy installs its own
    // pass-through parsers in place of the JSON parser the rest of the gateway uses.
    scope.removeAllContentTypeParsers();
    scope.addHook('onRequest', async (request, reply) => {
      refuseDeclaredOversizeBody(request, limitOf(request, options));
      await options.guard.admit(request);
      await options.limitAccount(request, reply);
    });
    // The proxy streams bodies past Fastify's own parsers, so their size limit does not
    // apply: read the body here, up to the limit, and hand the proxy a buffered copy; an
    // upload goes through as a stream that stops at its limit.
    scope.addHook('preParsing', async (request, _reply, payload) =>
      isUpload(request)
        ? payload.pipe(limitedStream(options.uploadLimitBytes))
        : Readable.from([await readLimited(payload, options.bodyLimitBytes)], { objectMode: false }),
    );
    for (const route of options.routes) {
      const proxyOptions: FastifyHttpProxyOptions = {
        upstream: route.upstream,
        prefix: route.prefix,
        rewritePrefix: route.rewritePrefix,
        httpMethods: PROXIED_METHODS,
        replyOptions: {
          timeout: options.timeoutMs,
          // A 503 from a service is its answer: never retried behind the caller's back.
          retryDelay: () => null,
          rewriteRequestHeaders: (request, headers) =>
            upstreamRequestHeaders(headers, {
              correlationId: correlationIdOf(request),
              clientIp: request.ip,
              protocol: request.protocol,
              host: request.host,
              url: request.url,
            }) as IncomingHttpHeaders,
          rewriteHeaders: (headers) => withoutHopByHopHeaders(headers),
          onError: (reply, { error }) => sendUpstreamFailure(reply, route, error),
        },
      };
      scope.register(httpProxy, proxyOptions);
    }
  });
}

/** The id `configureHttp` gave the request on arrival (it is there before any proxying). */
function correlationIdOf(request: { headers: IncomingHttpHeaders }): string {
  const assigned = (request as { correlationId?: unknown }).correlationId;
  if (typeof assigned === 'string') return assigned;
  return correlationIdFrom(request.headers[CORRELATION_ID_HEADER]);
}

/** Logged once, by the problem+json filter, with the upstream's error as the cause. */
function sendUpstreamFailure(
  reply: { send(payload: unknown): unknown },
  route: UpstreamRoute,
  error: Error,
): void {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const failure =
    (error as { statusCode?: unknown }).statusCode === HttpStatus.GATEWAY_TIMEOUT
      ? new HttpException(
          {
            code: 'GATEWAY.UPSTREAM_TIMEOUT',
            detail: `The ${route.service} service did not answer in time.`,
          },
          HttpStatus.GATEWAY_TIMEOUT,
          { cause },
        )
      : new HttpException(
          { code: 'GATEWAY.UPSTREAM_UNAVAILABLE', detail: `The ${route.service} service is unavailable.` },
          HttpStatus.BAD_GATEWAY,
          { cause },
        );
  reply.send(failure);
}

function bodyTooLarge(limitBytes: number): HttpException {
  return new HttpException(
    { code: 'REQUEST.BODY_TOO_LARGE', detail: `The request body is larger than ${limitBytes} bytes.` },
    HttpStatus.PAYLOAD_TOO_LARGE,
  );
}

/** A multipart upload (an import file), as its content type says. */
function isUpload(request: FastifyRequest): boolean {
  return String(request.headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('multipart/form-data');
}

function limitOf(request: FastifyRequest, options: UpstreamProxyOptions): number {
  return isUpload(request) ? options.uploadLimitBytes : options.bodyLimitBytes;
}

/**
 * Passes an upload through as it comes, and fails it past `limitBytes` (a body without a
 * declared length: one that declares more is refused before a byte is read).
 */
function limitedStream(limitBytes: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limitBytes ? bodyTooLarge(limitBytes) : null, size > limitBytes ? undefined : chunk);
    },
  });
}

function refuseDeclaredOversizeBody(request: FastifyRequest, limitBytes: number): void {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw bodyTooLarge(limitBytes);
}

async function readLimited(payload: AsyncIterable<Buffer | string>, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limitBytes) throw bodyTooLarge(limitBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}
