import { createFastifyAdapter } from './bootstrap';

describe('the client address a service sees', () => {
  const fastify = createFastifyAdapter().getInstance();

  beforeAll(async () => {
    fastify.get('/ip', async (request) => ({ ip: request.ip }));
    await fastify.ready();
  });

  afterAll(() => fastify.close());

  it.each([
    ['the gateway on the same host', '127.0.0.1', '6.6.6.6'],
    ['the gateway on a private network', '10.0.3.7', '6.6.6.6'],
  ])(
    'given a call through %s, then the forwarded client address',
    async (_case, remoteAddress, forwarded) => {
      const answer = await fastify.inject({
        url: '/ip',
        remoteAddress,
        headers: { 'x-forwarded-for': forwarded },
      });
      expect(answer.json()).toEqual({ ip: forwarded });
    },
  );

  it('given a caller from a public address that claims another one, then its own address', async () => {
    const answer = await fastify.inject({
      url: '/ip',
      remoteAddress: '203.0.113.5',
      headers: { 'x-forwarded-for': '6.6.6.6' },
    });
    expect(answer.json()).toEqual({ ip: '203.0.113.5' });
  });
});
