import Fastify from 'fastify';

/**
 * A bare Fastify hello-world in a process of its own: the ceiling an HTTP server of this
 * stack reaches on this machine, which the gateway benchmark compares the platform against.
 *
 *   node dist/bench/gateway/bare-server.js <port>
 */
const server = Fastify({ logger: false });
server.get('/', async () => ({ hello: 'world' }));
server
  .listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' })
  .then(() => process.stdout.write('listening\n'))
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
