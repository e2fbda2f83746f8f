import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import type { ISocketFactory } from 'kafkajs';

/**
 * A TCP proxy a test can cut and restore, to make a server unreachable for
 * one client (a relay, a producer) without stopping the server others share.
 * While cut, open connections are destroyed and new ones are dropped at once.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private cutOff = false;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {
    server.on('connection', (client) => this.relay(client));
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server, target);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Drops every connection through the proxy and refuses new ones until restore(). */
  cut(): void {
    this.cutOff = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.cutOff = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket): void {
    if (this.cutOff) {
      client.destroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(socket);
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        this.sockets.delete(socket);
        other.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}

/** `host:port` of a broker list's first broker. */
export function firstBroker(brokers: string[]): { host: string; port: number } {
  const [host, port] = brokers[0].split(':');
  return { host, port: Number(port) };
}

/**
 * A kafkajs socket factory that sends every broker connection through the
 * proxy. The broker advertises its own address in metadata, so pointing the
 * bootstrap list at the proxy alone would not keep a client behind it; this
 * does (for a one-broker cluster, as the test stack runs).
 */
export function socketFactoryThrough(proxy: TcpProxy): ISocketFactory {
  return ({ onConnect }) => {
    const socket = connect({ host: '127.0.0.1', port: proxy.port }, onConnect);
    socket.setKeepAlive(true, 30_000);
    return socket;
  };
}
