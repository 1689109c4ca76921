import type net from 'node:net';
import tls from 'node:tls';
import { abortError, tlsClientOptions } from './net';
import type { ProbeContext } from './context';

/** One SMTP reply: `250-first line` … `250 last line`. */
export interface SmtpReply {
  code: number;
  /** Reply text lines without the code. */
  lines: string[];
}

/** A reply that is not SMTP (e.g. an HTTP or TLS server on that port). */
export class NotSmtpError extends Error {
  readonly code = 'E_NOT_SMTP';
}

const MAX_REPLY = 64 * 1024;
const REPLY_LINE = /^(\d{3})([ -])(.*)$/;

/**
 * The command/reply side of SMTP over a socket that can be swapped for its TLS upgrade
 * (STARTTLS). Reads reject on socket errors, on a closed connection, on non-SMTP bytes and when
 * the probe's deadline fires (then the socket is destroyed).
 */
export class SmtpChannel {
  private buffer = '';
  private pending: { resolve: (r: SmtpReply) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private socket: net.Socket;

  constructor(
    socket: net.Socket,
    private readonly ctx: ProbeContext,
  ) {
    this.socket = socket;
    this.attach(socket);
    ctx.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Next complete reply. */
  read(): Promise<SmtpReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.flush();
    });
  }

  /** Sends one command line and reads its reply. */
  command(line: string): Promise<SmtpReply> {
    this.socket.write(`${line}\r\n`);
    return this.read();
  }

  /** Upgrades the connection to TLS after a `220` to STARTTLS; verification per `tlsClientOptions`. */
  async startTls(host: string, servername: string): Promise<tls.TLSSocket> {
    this.detach(this.socket);
    const plain = this.socket;
    const secure = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const t = tls.connect({ ...tlsClientOptions(this.ctx, { servername }), socket: plain, host });
      const onAbort = () => {
        t.destroy();
        reject(abortError(this.ctx));
      };
      if (this.ctx.signal.aborted) return onAbort();
      this.ctx.signal.addEventListener('abort', onAbort, { once: true });
      t.once('secureConnect', () => {
        this.ctx.signal.removeEventListener('abort', onAbort);
        resolve(t);
      });
      t.once('error', (e) => {
        this.ctx.signal.removeEventListener('abort', onAbort);
        plain.destroy();
        reject(e);
      });
    });
    this.socket = secure;
    this.buffer = '';
    this.attach(secure);
    return secure;
  }

  /** Sends QUIT without waiting long for the answer, then closes the socket. */
  async close(): Promise<void> {
    this.ctx.signal.removeEventListener('abort', this.onAbort);
    if (!this.failure && !this.socket.destroyed) {
      this.socket.write('QUIT\r\n');
      await Promise.race([this.read().catch(() => undefined), new Promise((r) => setTimeout(r, 200).unref())]);
    }
    this.socket.destroy();
  }

  private attach(s: net.Socket): void {
    s.on('data', this.onData);
    s.on('error', this.onError);
    s.on('close', this.onClose);
  }

  private detach(s: net.Socket): void {
    s.off('data', this.onData);
    s.off('error', this.onError);
    s.off('close', this.onClose);
  }

  private readonly onData = (chunk: Buffer) => {
    this.buffer += chunk.toString('latin1');
    if (this.buffer.length > MAX_REPLY) this.fail(new NotSmtpError('the server sent an over-long reply'));
    else this.flush();
  };

  private readonly onError = (e: Error) => this.fail(e);

  private readonly onClose = () => this.fail(Object.assign(new Error('the server closed the connection'), { code: 'ECONNRESET' }));

  private readonly onAbort = () => {
    this.fail(abortError(this.ctx));
    this.socket.destroy();
  };

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  private flush(): void {
    if (!this.pending) return;
    const lines: string[] = [];
    let consumed = 0;
    for (;;) {
      const end = this.buffer.indexOf('\n', consumed);
      if (end < 0) {
        // Bytes that can never become an SMTP reply line (TLS records, HTTP) fail fast.
        if (this.buffer.length - consumed >= 4 && !/^\d{3}[ -]?/.test(this.buffer.slice(consumed, consumed + 4))) {
          this.fail(new NotSmtpError(`unexpected answer ${JSON.stringify(this.buffer.slice(consumed, consumed + 40))}`));
        }
        return;
      }
      const line = this.buffer.slice(consumed, end).replace(/\r$/, '');
      consumed = end + 1;
      const m = REPLY_LINE.exec(line) ?? /^(\d{3})()$/.exec(line);
      if (!m) return this.fail(new NotSmtpError(`unexpected answer ${JSON.stringify(line.slice(0, 80))}`));
      lines.push(m[3] ?? '');
      if (m[2] !== '-') {
        this.buffer = this.buffer.slice(consumed);
        const p = this.pending;
        this.pending = undefined;
        p.resolve({ code: Number(m[1]), lines });
        return;
      }
    }
  }
}
