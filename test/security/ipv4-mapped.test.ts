import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST as selfSigned } from '../../app/api/v2/certs/self-signed/route';
import { main } from '../../lib/cli/main';
import { unmappedIp } from '../../lib/keys/tls-certificates';

/**
 * An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is a valid IPv6 address, so the boundary lets
 * it through; the certificate library then threw (a 500 in the API, a stack trace in the CLI).
 */

const ipSans = (pem: string) => (new X509Certificate(pem).subjectAltName ?? '').split(', ').filter((s) => s.startsWith('IP Address:'));

describe('IPv4-mapped IPv6 addresses in certificates', () => {
  it('are written as the IPv4 address they stand for, in every spelling', () => {
    expect(['::ffff:127.0.0.1', '::FFFF:10.1.2.3', '::ffff:7f00:1', '0:0:0:0:0:ffff:c000:201'].map(unmappedIp)).toEqual(['127.0.0.1', '10.1.2.3', '127.0.0.1', '192.0.2.1']);
    expect(['::1', '2001:db8::1', '1.2.3.4', 'fe80::1%eth0'].map(unmappedIp)).toEqual(['::1', '2001:db8::1', '1.2.3.4', 'fe80::1%eth0']);
  });

  it('POST /api/v2/certs/self-signed answers a certificate, not a 500', async () => {
    const res = await selfSigned(
      new Request('https://localhost/api/v2/certs/self-signed', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ hostname: 'quay.example.com', ips: ['::ffff:127.0.0.1', '::1'] }),
      }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { certPem: string };
    expect(ipSans(body.certPem)).toEqual(['IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1']);
  });

  it('quay-config generate cert --ip ::ffff:… exits 0 with the certificate, no stack trace', async () => {
    let out = '';
    let err = '';
    const code = await main(['generate', 'cert', '--hostname', 'quay.example.com', '--ip', '::ffff:10.0.0.5', '--json'], {
      out: (t) => (out += t),
      err: (t) => (err += t),
      env: { NODE_ENV: 'test' },
    });
    expect(err).not.toMatch(/\n\s+at /);
    expect(code, err).toBe(0);
    const json = JSON.parse(out) as { certPem: string };
    expect(ipSans(json.certPem)).toContain('IP Address:10.0.0.5');
  });
});
