import net from 'node:net';
import { describe, expect, inject, it } from 'vitest';

/**
 * The SMTP test server adds no delay of its own (issue 11): no reverse lookup of the client and no
 * 100 ms early-talker pause before the greeting, so the Email probe's time is the probe's. It still
 * refuses AUTH before STARTTLS, as the probe's checks expect.
 */

const h = inject('harness');
const port = Number(h.services.smtp?.port);

/** Connects, collects what the server says until `until` matches, optionally after sending `send`. */
function talk(send: string | undefined, until: RegExp): Promise<{ ms: number; text: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const socket = net.connect({ host: '127.0.0.1', port });
    let text = '';
    let sent = send === undefined;
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (!sent && /^220 /m.test(text)) {
        sent = true;
        socket.write(send as string);
      } else if (sent && until.test(text)) {
        socket.destroy();
        resolve({ ms: performance.now() - t0, text });
      }
    });
    socket.once('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
  });
}

describe('the SMTP test server', () => {
  it('greets at once', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push((await talk(undefined, /^220 /m)).ms);
    // smtp-server's own pause was 100 ms; the fastest of five greetings shows whether it is gone.
    expect(Math.min(...times)).toBeLessThan(60);
  });

  it('still refuses AUTH before STARTTLS', async () => {
    const { text } = await talk('EHLO probe\r\nAUTH PLAIN AG1haWxlcgB4\r\n', /^5\d\d /m);
    expect(text).toMatch(/^5\d\d /m);
  });
});
