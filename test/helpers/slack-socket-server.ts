// A Slack Socket Mode stand-in for tests: a minimal WebSocket server (RFC 6455) on node:http's
// 'upgrade' event, on 127.0.0.1 port 0. It speaks the way Slack does (api.slack.com/apis/socket-mode):
// `hello` on connect, envelopes { envelope_id, type, payload, accepts_response_payload } sent by the
// test, acks { envelope_id, payload? } recorded, and `disconnect` to make the client reconnect. The
// Web API stand-in hands out its URLs from apps.connections.open; each ticket is good for one connection.
//
// Frames (RFC 6455 §5): client→server frames are masked (§5.3) and unmasked here; server→client
// frames are not. Payload lengths: 7-bit, 16-bit (126) and 64-bit (127). Fragments (opcode 0) are
// joined; ping gets a pong with the same payload (§5.5.2); a close is answered with a close (§5.5.1).
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface Envelope {
  readonly envelope_id: string;
  readonly type: 'events_api' | 'slash_commands' | 'interactive';
  readonly payload: Record<string, unknown>;
  readonly accepts_response_payload: boolean;
}

export interface Ack {
  readonly envelope_id: string;
  readonly payload?: Record<string, unknown>;
  /** Milliseconds from sending the envelope to receiving its ack. */
  readonly ms: number;
}

export interface SlackSocketServer {
  /** A fresh ws:// URL with a single-use ticket, as apps.connections.open answers. */
  connectUrl(): string;
  /** `hello` messages sent, one per accepted connection. */
  readonly hellos: () => number;
  /** Connections open now. */
  readonly open: () => number;
  /** Close frames received from the client (a clean close starts with one, RFC 6455 §7.1.2). */
  readonly closes: () => number;
  readonly acks: Ack[];
  /** Sends an envelope on the newest open connection (Slack uses one of the app's connections). */
  send(envelope: Envelope): void;
  /** Slack's warning that it is about to drop the connection; the client should reconnect. */
  disconnect(reason?: string): void;
  close(): Promise<void>;
}

/** The Sec-WebSocket-Accept for a Sec-WebSocket-Key (RFC 6455 §4.2.2). */
export const acceptKey = (key: string) =>
  createHash('sha1')
    .update(key + GUID)
    .digest('base64');

/** A server→client frame: FIN set, unmasked. */
export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.alloc(2) : n < 0x10000 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = 0x80 | opcode;
  if (n < 126) head[1] = n;
  else if (n < 0x10000) {
    head[1] = 126;
    head.writeUInt16BE(n, 2);
  } else {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([head, payload]);
}

interface Frame {
  readonly fin: boolean;
  readonly opcode: number;
  readonly payload: Buffer;
}

/** One frame from the front of `buf` (unmasked), or null until more bytes arrive. */
export function decodeFrame(buf: Buffer): { frame: Frame; rest: Buffer } | null {
  if (buf.length < 2) return null;
  const masked = (buf[1]! & 0x80) !== 0;
  let len = buf[1]! & 0x7f;
  let at = 2;
  if (len === 126) {
    if (buf.length < 4) return null;
    len = buf.readUInt16BE(2);
    at = 4;
  } else if (len === 127) {
    if (buf.length < 10) return null;
    len = Number(buf.readBigUInt64BE(2));
    at = 10;
  }
  const mask = masked ? buf.subarray(at, at + 4) : null;
  if (masked) at += 4;
  if (buf.length < at + len) return null;
  const payload = Buffer.from(buf.subarray(at, at + len));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
  return { frame: { fin: (buf[0]! & 0x80) !== 0, opcode: buf[0]! & 0x0f, payload }, rest: buf.subarray(at + len) };
}

export async function startSlackSocketServer(opts: { appId?: string } = {}): Promise<SlackSocketServer> {
  const tickets = new Set<string>();
  const sockets: Socket[] = [];
  const sentAt = new Map<string, number>();
  const acks: Ack[] = [];
  let hellos = 0;
  let closes = 0;

  const sendJson = (socket: Socket, msg: unknown) =>
    socket.writable && socket.write(encodeFrame(OP.text, Buffer.from(JSON.stringify(msg))));

  function onMessage(text: string) {
    const msg = JSON.parse(text) as { envelope_id?: string; payload?: Record<string, unknown> };
    if (!msg.envelope_id) return;
    const ms = Date.now() - (sentAt.get(msg.envelope_id) ?? Date.now());
    acks.push({ envelope_id: msg.envelope_id, ...(msg.payload ? { payload: msg.payload } : {}), ms });
  }

  function serve(socket: Socket, head: Buffer) {
    let buf = head;
    let fragments: Buffer[] = [];
    let closing = false;
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (let next = decodeFrame(buf); next; next = decodeFrame(buf)) {
        buf = next.rest;
        const { fin, opcode, payload } = next.frame;
        if (opcode === OP.ping) socket.write(encodeFrame(OP.pong, payload));
        else if (opcode === OP.close) {
          closes++;
          // Echo the status code, then end: the client closes the TCP connection (§5.5.1, §7.1.1).
          if (!closing) socket.write(encodeFrame(OP.close, payload.subarray(0, 2)));
          closing = true;
          socket.end();
        } else if (opcode === OP.text || opcode === OP.continuation) {
          fragments.push(payload);
          if (fin) {
            onMessage(Buffer.concat(fragments).toString('utf8'));
            fragments = [];
          }
        }
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      const i = sockets.indexOf(socket);
      if (i >= 0) sockets.splice(i, 1);
    });
    sockets.push(socket);
    hellos++;
    sendJson(socket, {
      type: 'hello',
      num_connections: sockets.length,
      debug_info: { host: 'applink-test', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: opts.appId ?? 'A1' },
    });
  }

  function upgrade(req: IncomingMessage, socket: Socket, head: Buffer) {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    const key = req.headers['sec-websocket-key'];
    if (url.pathname !== '/link/' || !tickets.delete(ticket) || typeof key !== 'string') {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${acceptKey(key)}\r\n\r\n`,
    );
    serve(socket, head);
  }

  const server: Server = createServer((_req, res) => res.writeHead(426).end('websocket only\n'));
  server.on('upgrade', upgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const newest = () => sockets.at(-1);

  return {
    connectUrl() {
      const ticket = randomUUID();
      tickets.add(ticket);
      return `${origin}/link/?ticket=${ticket}&app_id=${opts.appId ?? 'A1'}`;
    },
    hellos: () => hellos,
    open: () => sockets.length,
    closes: () => closes,
    acks,
    send(envelope) {
      const socket = newest();
      if (!socket) throw new Error('no Socket Mode connection is open: start the app first');
      sentAt.set(envelope.envelope_id, Date.now());
      sendJson(socket, envelope);
    },
    disconnect(reason = 'refresh_requested') {
      const socket = newest();
      if (socket) sendJson(socket, { type: 'disconnect', reason, debug_info: { host: 'applink-test' } });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of [...sockets]) s.destroy();
        server.close(() => resolve());
      }),
  };
}
