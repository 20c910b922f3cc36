import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** What the gate does with a connection: hold it unanswered, close it at once, or pass it on. */
export type GateMode = 'stall' | 'refuse' | 'forward';

/**
 * A TCP gate in front of the real SMTP server, for breaking the mail server on purpose: it
 * can stall (accept and never answer, as a hung server does), refuse (close every connection)
 * or forward to the server. Changing the mode drops the connections it holds, so that the
 * client's pool opens new ones under the new mode.
 */
export class MailServerGate {
  private mode: GateMode = 'forward';
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;

  constructor(private readonly target: { host: string; port: number }) {}

  /** Starts listening on a free port; returns the `smtp://` URL to give the service. */
  async start(): Promise<string> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the gate has no port');
    return `smtp://127.0.0.1:${address.port}`;
  }

  set(mode: GateMode): void {
    this.mode = mode;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    this.set('refuse');
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    socket.on('error', () => socket.destroy());
    if (this.mode === 'refuse') {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    if (this.mode === 'stall') return;
    const upstream = createConnection(this.target);
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  }
}
