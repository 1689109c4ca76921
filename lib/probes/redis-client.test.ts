import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CONNECTION_CLOSED, encodeCommand, parseReply, redisOverSocket } from './redis-client';

const servers: net.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A local server whose connection handler scripts the "Redis" side; resolves a connected socket. */
async function pair(onServer: (s: net.Socket, received: () => string) => void): Promise<{ socket: net.Socket; received: () => string }> {
  let text = '';
  const server = net.createServer((s) => {
    s.on('data', (d) => (text += d.toString('latin1')));
    onServer(s, () => text);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise((r) => socket.once('connect', r));
  return { socket, received: () => text };
}

describe('RESP replies', () => {
  it('parses each type, and waits for a reply cut anywhere', () => {
    const wire = Buffer.from('+OK\r\n-WRONGPASS invalid username-password pair\r\n:42\r\n$5\r\nhello\r\n$-1\r\n*2\r\n+a\r\n$1\r\nb\r\n');
    const values: unknown[] = [];
    for (let at = 0; at < wire.length; ) {
      for (let cut = at + 1; cut < wire.length; cut++) {
        const partial = parseReply(wire.subarray(0, cut), at);
        if (partial && partial.end <= cut) break;
        expect(partial).toBeUndefined();
      }
      const r = parseReply(wire, at);
      if (!r) throw new Error('incomplete');
      values.push(r.value instanceof Error ? `error: ${r.value.message}` : r.value);
      at = r.end;
    }
    expect(values).toEqual(['OK', 'error: WRONGPASS invalid username-password pair', 42, 'hello', null, ['a', 'b']]);
  });

  it('calls bytes that are not RESP a protocol error (a TLS server answering)', () => {
    expect(() => parseReply(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02]), 0)).toThrow(/Protocol error/);
  });

  it('encodes commands as arrays of bulk strings, lengths in bytes', () => {
    expect(encodeCommand(['AUTH', 'pässword']).toString('utf8')).toBe('*2\r\n$4\r\nAUTH\r\n$9\r\npässword\r\n');
  });
});

describe('the Redis probe client', () => {
  it('sends only the commands asked for, and rejects a command with the server error', async () => {
    const { socket, received } = await pair((s, got) =>
      s.on('data', () => {
        if (got().includes('PING')) s.write('+PONG\r\n');
        else if (got().includes('SELECT')) s.write('-ERR DB index is out of range\r\n');
        else s.write('+OK\r\n');
      }),
    );
    const { client } = redisOverSocket(socket);
    await client.connect();
    expect(await client.auth('user', 'pw')).toBe('OK');
    await expect(client.select(99)).rejects.toThrow('ERR DB index is out of range');
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
    expect(received()).toBe('*3\r\n$4\r\nAUTH\r\n$4\r\nuser\r\n$2\r\npw\r\n*2\r\n$6\r\nSELECT\r\n$2\r\n99\r\n*1\r\n$4\r\nPING\r\n');
  });

  it('a server that closes: "Connection is closed." for the pending command, and for later ones', async () => {
    const { socket } = await pair((s) => s.on('data', () => s.end()));
    const { client, lastError } = redisOverSocket(socket);
    await expect(client.ping()).rejects.toThrow(CONNECTION_CLOSED);
    await expect(client.ping()).rejects.toThrow(CONNECTION_CLOSED);
    expect(lastError()).toBeUndefined();
  });

  it('a server that answers garbage: the command fails as closed, the protocol error is kept', async () => {
    const { socket } = await pair((s) => s.on('data', () => s.write(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]))));
    const { client, lastError } = redisOverSocket(socket);
    await expect(client.ping()).rejects.toThrow(CONNECTION_CLOSED);
    expect(lastError()?.message).toMatch(/^Protocol error/);
  });
});
