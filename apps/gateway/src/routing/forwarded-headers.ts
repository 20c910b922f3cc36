import { CORRELATION_ID_HEADER } from '@lms/observability';
import { FORWARDED_URI_HEADER } from '@lms/service-kit';

export type HeaderMap = Record<string, string | string[] | number | undefined>;

/** Headers that describe one connection and never cross a proxy (RFC 9110 §7.6.1). */
const HOP_BY_HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The headers without hop-by-hop ones, including those the `Connection` header names. */
export function withoutHopByHopHeaders<T extends HeaderMap>(headers: T): T {
  const connection = headers.connection;
  const named = new Set(
    (Array.isArray(connection) ? connection.join(',') : String(connection ?? ''))
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name.length > 0),
  );
  const kept: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!HOP_BY_HOP_HEADERS.has(lower) && !named.has(lower)) kept[name] = value;
  }
  return kept as T;
}

export interface ForwardingContext {
  correlationId: string;
  /** The client's address as the gateway determined it (honouring its trusted proxies). */
  clientIp: string;
  protocol: string;
  host: string | undefined;
  /** The path and query the client called, e.g. `/api/v1/identity/users/42`. */
  url: string;
}

/**
 * The headers a service receives: the caller's own (with `authorization`), minus hop-by-hop
 * headers, plus the correlation id and who the client is. A client cannot forge the
 * forwarding headers: the gateway sets them from what it saw itself.
 */
export function upstreamRequestHeaders(incoming: HeaderMap, context: ForwardingContext): HeaderMap {
  const headers = withoutHopByHopHeaders(incoming);
  headers[CORRELATION_ID_HEADER] = context.correlationId;
  headers['x-forwarded-for'] = context.clientIp;
  headers['x-forwarded-proto'] = context.protocol;
  headers[FORWARDED_URI_HEADER] = context.url;
  if (context.host) headers['x-forwarded-host'] = context.host;
  else delete headers['x-forwarded-host'];
  return headers;
}
