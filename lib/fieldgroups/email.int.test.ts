import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { validateConfig } from '../validation/run';
import type { GroupReport } from '../report/types';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';

const h = inject('harness');
const smtp = (k: string): string => String(h.services.smtp?.[k]);
const port = (k: string): number => Number(h.services.smtp?.[k]);
const WRONG_PASSWORD = 'definitely-wrong-pw';
const caFiles = new Map([['extra_ca_certs/test-ca.crt', new TextEncoder().encode(h.certs.caPem)]]);

const auth: ConfigMap = { MAIL_USE_AUTH: true, MAIL_USERNAME: smtp('user'), MAIL_PASSWORD: smtp('password') };
const starttls = (extra: ConfigMap = {}): ConfigMap => ({ MAIL_SERVER: smtp('host'), MAIL_PORT: port('port'), MAIL_USE_TLS: true, ...auth, ...extra });
const implicit = (extra: ConfigMap = {}): ConfigMap => ({ MAIL_SERVER: smtp('host'), MAIL_PORT: port('tlsPort'), MAIL_USE_SSL: true, MAIL_USE_TLS: false, ...auth, ...extra });

async function mail(config: ConfigMap, files: ReadonlyMap<string, Uint8Array> = caFiles): Promise<GroupReport> {
  const report = await validateConfig({ config: { FEATURE_MAILING: true, MAIL_DEFAULT_SENDER: 'quay@example.com', ...config }, files }, { mode: 'online', groups: ['Email'], timeoutMs: 1500 });
  const group = report.groups.find((g) => g.group === 'Email');
  if (!group) throw new Error('no Email report');
  const text = JSON.stringify(report);
  expect(text).not.toContain(smtp('password'));
  expect(text).not.toContain(WRONG_PASSWORD);
  return group;
}

const summary = (g: GroupReport) => g.findings.map((f) => ({ code: f.code, fields: f.fields, severity: f.severity, stage: f.stage }));
const SERVER = ['MAIL_SERVER', 'MAIL_PORT'];
const CREDS = ['MAIL_USERNAME', 'MAIL_PASSWORD'];

let hanging: HangingServer;
let ssh: net.Server;
let sshPort = 0;
beforeAll(async () => {
  hanging = await startHangingServer();
  // Something else entirely on the port: an SSH banner instead of an SMTP greeting.
  ssh = net.createServer((s) => s.end('SSH-2.0-OpenSSH_9.2\r\n'));
  await new Promise<void>((resolve) => ssh.listen(0, '127.0.0.1', () => resolve()));
  const addr = ssh.address();
  sshPort = typeof addr === 'object' && addr ? addr.port : 0;
});
afterAll(async () => {
  await hanging.close();
  await new Promise((r) => ssh.close(r));
});

describe('Email online', () => {
  it('passes STARTTLS + AUTH with the CA in extra_ca_certs', async () => {
    const g = await mail(starttls());
    expect(summary(g)).toEqual([]);
    expect(g.status).toBe('ok');
  });

  it('passes implicit TLS (MAIL_USE_SSL) + AUTH, which config-tool could not check', async () => {
    expect(summary(await mail(implicit()))).toEqual([]);
  });

  it('reports a wrong password at the auth stage', async () => {
    const g = await mail(starttls({ MAIL_PASSWORD: WRONG_PASSWORD }));
    expect(summary(g)).toEqual([{ code: 'auth-failed', fields: CREDS, severity: 'error', stage: 'auth' }]);
    expect(g.findings[0]?.message).toContain('535');
  });

  it('reports a wrong password over implicit TLS too', async () => {
    const g = await mail(implicit({ MAIL_PASSWORD: WRONG_PASSWORD }));
    expect(summary(g)).toEqual([{ code: 'auth-failed', fields: CREDS, severity: 'error', stage: 'auth' }]);
  });

  it('warns at the tls stage when the certificate is not trusted (Quay itself does not verify it)', async () => {
    const g = await mail(starttls(), new Map());
    expect(summary(g)).toEqual([{ code: 'tls-untrusted', fields: ['MAIL_SERVER', 'MAIL_USE_TLS'], severity: 'warning', stage: 'tls' }]);
    const ssl = await mail(implicit(), new Map());
    expect(summary(ssl)).toEqual([{ code: 'tls-untrusted', fields: ['MAIL_SERVER', 'MAIL_USE_SSL'], severity: 'warning', stage: 'tls' }]);
  });

  it('warns at the tls stage when the certificate names another host', async () => {
    const g = await mail(starttls({ MAIL_PORT: port('wrongHostPort') }));
    expect(summary(g)).toEqual([{ code: 'tls-hostname-mismatch', fields: ['MAIL_SERVER', 'MAIL_USE_TLS'], severity: 'warning', stage: 'tls' }]);
  });

  it('reports a server that does not offer STARTTLS (MAIL_USE_TLS defaults to on)', async () => {
    const g = await mail({ MAIL_SERVER: smtp('host'), MAIL_PORT: port('plainPort') });
    expect(summary(g)).toEqual([{ code: 'starttls-unsupported', fields: ['MAIL_SERVER', 'MAIL_USE_TLS'], severity: 'error', stage: 'tls' }]);
  });

  it('logs in over plain SMTP when told to, with a warning', async () => {
    const g = await mail({ MAIL_SERVER: smtp('host'), MAIL_PORT: port('plainPort'), MAIL_USE_TLS: false, ...auth });
    expect(summary(g)).toEqual([{ code: 'auth-without-tls', fields: ['MAIL_USE_TLS'], severity: 'warning', stage: 'config' }]);
  });

  it('tells that the server wants STARTTLS before AUTH', async () => {
    const g = await mail(starttls({ MAIL_USE_TLS: false }));
    const codes = summary(g);
    expect(codes).toContainEqual({ code: 'auth-without-tls', fields: ['MAIL_USE_TLS'], severity: 'warning', stage: 'config' });
    expect(codes.filter((f) => f.severity === 'error')).toEqual([{ code: expect.stringMatching(/^(smtp-auth-unsupported|auth-requires-tls)$/), fields: CREDS, severity: 'error', stage: 'auth' }]);
    expect(`${g.findings[0]?.hint}`).toContain('MAIL_USE_TLS: true');
  });

  it('reports a sender the relay refuses, without sending anything', async () => {
    const g = await mail(starttls({ MAIL_DEFAULT_SENDER: 'quay@rejected.example' }));
    expect(summary(g)).toEqual([{ code: 'sender-rejected', fields: ['MAIL_DEFAULT_SENDER'], severity: 'error', stage: 'semantic' }]);
  });

  it('reports a closed port at the tcp stage', async () => {
    const g = await mail(starttls({ MAIL_PORT: await closedPort() }));
    expect(summary(g)).toEqual([{ code: 'connection-refused', fields: SERVER, severity: 'error', stage: 'tcp' }]);
  });

  it('times out a silent server waiting for the greeting (tcp stage)', async () => {
    const g = await mail(starttls({ MAIL_SERVER: '127.0.0.1', MAIL_PORT: hanging.port }));
    expect(summary(g)).toEqual([{ code: 'timeout', fields: SERVER, severity: 'error', stage: 'tcp' }]);
    expect(g.findings[0]?.message).toContain('no SMTP greeting');
  });

  it('times out a silent server in the TLS handshake for implicit TLS (tls stage)', async () => {
    const g = await mail(implicit({ MAIL_SERVER: '127.0.0.1', MAIL_PORT: hanging.port }));
    expect(summary(g)).toEqual([{ code: 'timeout', fields: ['MAIL_SERVER', 'MAIL_USE_SSL'], severity: 'error', stage: 'tls' }]);
  });

  it('tells a port where something else than SMTP answers', async () => {
    const g = await mail(starttls({ MAIL_PORT: sshPort }));
    expect(summary(g)).toEqual([{ code: 'not-smtp', fields: SERVER, severity: 'error', stage: 'tcp' }]);
  });

  it('points at MAIL_USE_SSL when an implicit-TLS server waits for a handshake', async () => {
    const g = await mail(starttls({ MAIL_PORT: port('tlsPort') }));
    expect(summary(g)).toEqual([{ code: 'timeout', fields: SERVER, severity: 'error', stage: 'tcp' }]);
    expect(g.findings[0]?.hint).toContain('MAIL_USE_SSL: true');
  });
});
