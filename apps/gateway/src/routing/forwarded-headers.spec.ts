import { upstreamRequestHeaders, withoutHopByHopHeaders } from './forwarded-headers';

const context = {
  correlationId: 'corr-1',
  clientIp: '203.0.113.7',
  protocol: 'https',
  host: 'api.example.com',
  url: '/api/v1/identity/users/42',
};

describe('headers sent to a service', () => {
  it('keeps the caller credentials and content headers', () => {
    const headers = upstreamRequestHeaders(
      {
        authorization: 'Bearer t',
        'content-type': 'application/json',
        accept: 'application/json',
        host: 'identity:3101',
      },
      context,
    );

    expect(headers).toMatchObject({
      authorization: 'Bearer t',
      'content-type': 'application/json',
      accept: 'application/json',
      host: 'identity:3101',
    });
  });

  it('drops hop-by-hop headers and those the Connection header names', () => {
    const headers = upstreamRequestHeaders(
      {
        connection: 'keep-alive, X-Session-Hop',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        te: 'trailers',
        upgrade: 'websocket',
        'proxy-authorization': 'Basic abc',
        'x-session-hop': 'private',
        'x-request-kind': 'kept',
      },
      context,
    );

    expect(Object.keys(headers).sort()).toEqual(
      [
        'x-correlation-id',
        'x-forwarded-for',
        'x-forwarded-host',
        'x-forwarded-proto',
        'x-forwarded-uri',
        'x-request-kind',
      ].sort(),
    );
  });

  it("sets the gateway's correlation id and its own view of the client, whatever the client claimed", () => {
    const headers = upstreamRequestHeaders(
      {
        'x-correlation-id': 'client-given',
        'x-forwarded-for': '6.6.6.6',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-uri': '/somewhere/else',
      },
      { ...context, host: undefined },
    );

    expect(headers['x-correlation-id']).toBe('corr-1');
    expect(headers['x-forwarded-for']).toBe('203.0.113.7');
    expect(headers['x-forwarded-proto']).toBe('https');
    expect(headers['x-forwarded-host']).toBeUndefined();
    expect(headers['x-forwarded-uri']).toBe('/api/v1/identity/users/42');
  });

  it('strips hop-by-hop headers from answers too', () => {
    expect(
      withoutHopByHopHeaders({
        connection: 'close',
        'keep-alive': 'timeout=72',
        'content-type': 'application/json',
      }),
    ).toEqual({ 'content-type': 'application/json' });
  });
});
