import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SelfSignedResponse, ServiceKeyResponse } from '../../lib/api/contract';
import { decodeStandardBase64 } from '../../lib/keys/psk';
import { serviceKeyId } from '../../lib/keys/service-key';
import { runCli, tempDir } from './run-cli';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('quay-config generate psk / secret-key', () => {
  it('prints a PSK of at least 32 CSPRNG bytes in standard base64, or {psk} with --json', async () => {
    const dir = tempDir();
    const plain = await runCli(['generate', 'psk'], dir);
    expect(plain.code).toBe(0);
    const psk = plain.stdout.trim();
    expect(decodeStandardBase64(psk)?.length).toBeGreaterThanOrEqual(32);
    const json = await runCli(['generate', 'psk', '--json'], dir);
    const body = JSON.parse(json.stdout) as { psk: string };
    expect(Object.keys(body)).toEqual(['psk']);
    expect(body.psk).not.toBe(psk);
  });

  it.each([
    [[], /^[0-9a-f]{64}$/],
    [['--format', 'decimal'], /^\d{1,78}$/],
    [['--format', 'uuid'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
  ])('secret-key %j', async (args, pattern) => {
    const run = await runCli(['generate', 'secret-key', ...args], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(pattern);
  });

  it.each([
    [['generate'], /generate what\?/],
    [['generate', 'password'], /unknown thing to generate "password"/],
    [['generate', 'psk', 'extra'], /generate psk takes no arguments/],
    [['generate', 'psk', '--bits', '8'], /Unknown option '--bits'/],
    [['generate', 'secret-key', '--format', 'base32'], /--format must be one of hex, decimal, uuid/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const run = await runCli(argv, tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage:');
    expect(run.stdout).toBe('');
  });
});

describe('quay-config generate service-key', () => {
  it('writes security_scanner.pem (0600, PKCS#1) and prints the kid and the jwtproxy snippet', async () => {
    const dir = tempDir();
    const run = await runCli(['generate', 'service-key', '--name', 'Clair v2', '--out', 'keys', '--quay-url', 'https://quay.example.com'], dir);
    expect(run.code).toBe(0);
    const file = path.join(dir, 'keys', 'security_scanner.pem');
    expect(mode(file)).toBe(0o600);
    const pem = readFileSync(file, 'utf8');
    expect(pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    const jwk = createPublicKey(createPrivateKey(pem)).export({ format: 'jwk' });
    const kid = serviceKeyId({ e: String(jwk.e), n: String(jwk.n) });
    expect(run.stdout).toContain(`kid: ${kid}\n`);
    const snippet = parse(run.stdout.slice(run.stdout.indexOf('\n') + 1)) as {
      jwtproxy: {
        signer_proxy: { signer: { issuer: string; private_key: { options: { key_id: string } } } };
        verifier_proxies: Array<{ verifier: { key_server: { options: { registry: string } } } }>;
      };
    };
    expect(snippet.jwtproxy.signer_proxy.signer.issuer).toBe('security_scanner');
    expect(snippet.jwtproxy.signer_proxy.signer.private_key.options.key_id).toBe(kid);
    expect(snippet.jwtproxy.verifier_proxies[0]?.verifier.key_server.options.registry).toBe('https://quay.example.com/keys/');
    expect(run.stdout).not.toContain('PRIVATE KEY');
    expect(run.stderr).toContain(`register key id ${kid} for service "security_scanner"`);
  });

  it('--json prints the API shape (ServiceKeyResponse) and writes nothing', async () => {
    const dir = tempDir();
    const run = await runCli(['generate', 'service-key', '--name', 'scanner', '--service', 'clair_v2', '--expiration', '2099-01-02', '--json'], dir);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as ServiceKeyResponse;
    expect(Object.keys(body).sort()).toEqual(['expiration', 'jwtproxySnippet', 'kid', 'name', 'privateKeyPem', 'publicKeyPem']);
    expect(body).toMatchObject({ name: 'scanner', expiration: '2099-01-02T00:00:00.000Z' });
    expect(body.kid).toMatch(/^[0-9a-f]{64}$/);
    expect(body.jwtproxySnippet).toContain('issuer: "clair_v2"');
    expect(existsSync(path.join(dir, 'clair_v2.pem'))).toBe(false);
  });

  it.each([
    [[], /needs --name/],
    [['--name', ' '], /needs --name/],
    [['--name', 'n', '--service', 'Security-Scanner'], /--service must match/],
    [['--name', 'n', '--expiration', '2001-01-01'], /--expiration 2001-01-01T00:00:00.000Z is in the past/],
    [['--name', 'n', '--expiration', 'next week'], /--expiration "next week" is not an ISO date/],
    [['--name', 'n', '--expiration', '2099-13-45'], /is not an ISO date/],
    [['--name', 'n', '--quay-url', 'ftp://quay'], /--quay-url must be an http\(s\) URL/],
    [['--name', 'n', '--json', '--out', 'x'], /--json prints to stdout/],
  ])('%j is a usage error', async (args, message) => {
    const dir = tempDir();
    const run = await runCli(['generate', 'service-key', ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(path.join(dir, 'security_scanner.pem'))).toBe(false);
  });
});

describe('quay-config generate cert', () => {
  it('writes ssl.cert (server + CA), ssl.key (0600) and ca.crt for the host and IPs', async () => {
    const dir = tempDir();
    const run = await runCli(['generate', 'cert', '--hostname', 'quay.example.com:8443', '--ip', '192.168.1.112', '--ip', '::1', '--out', 'tls'], dir);
    expect(run.code).toBe(0);
    const read = (f: string) => readFileSync(path.join(dir, 'tls', f), 'utf8');
    expect(mode(path.join(dir, 'tls', 'ssl.key'))).toBe(0o600);
    expect(mode(path.join(dir, 'tls', 'ssl.cert'))).toBe(0o644);
    expect(mode(path.join(dir, 'tls', 'ca.crt'))).toBe(0o644);
    const server = new X509Certificate(read('ssl.cert'));
    const ca = new X509Certificate(read('ca.crt'));
    expect(server.subjectAltName).toBe('DNS:quay.example.com, IP Address:192.168.1.112, IP Address:0:0:0:0:0:0:0:1');
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkPrivateKey(createPrivateKey(read('ssl.key')))).toBe(true);
    expect(ca.ca).toBe(true);
    expect(run.stdout).toContain('/etc/containers/certs.d/quay.example.com:8443/ca.crt');
  });

  it('--json prints {caCertPem, certPem, keyPem} and writes nothing', async () => {
    const dir = tempDir();
    const run = await runCli(['generate', 'cert', '--hostname', '10.0.0.5', '--json'], dir);
    const body = JSON.parse(run.stdout) as SelfSignedResponse;
    expect(Object.keys(body).sort()).toEqual(['caCertPem', 'certPem', 'keyPem']);
    expect(new X509Certificate(body.certPem).subjectAltName).toBe('IP Address:10.0.0.5');
    expect(existsSync(path.join(dir, 'ssl.cert'))).toBe(false);
  });

  it('never overwrites without --force, and refuses before writing any file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ca.crt'), 'keep me');
    const run = await runCli(['generate', 'cert', '--hostname', 'quay.example.com'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`refusing to overwrite ${path.join(dir, 'ca.crt')} (use --force to replace)`);
    expect(readFileSync(path.join(dir, 'ca.crt'), 'utf8')).toBe('keep me');
    expect(existsSync(path.join(dir, 'ssl.cert'))).toBe(false);
    expect(existsSync(path.join(dir, 'ssl.key'))).toBe(false);
  });

  it('--force replaces files with the right modes and replaces a symlink instead of writing through it', async () => {
    const dir = tempDir();
    const outside = path.join(tempDir(), 'precious.pem');
    writeFileSync(outside, 'outside the output directory');
    symlinkSync(outside, path.join(dir, 'ssl.cert'));
    writeFileSync(path.join(dir, 'ssl.key'), 'old key');
    chmodSync(path.join(dir, 'ssl.key'), 0o644);
    const run = await runCli(['generate', 'cert', '--hostname', 'quay.example.com', '--force'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('outside the output directory');
    expect(lstatSync(path.join(dir, 'ssl.cert')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(dir, 'ssl.cert'), 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(mode(path.join(dir, 'ssl.key'))).toBe(0o600);
    expect(readFileSync(path.join(dir, 'ssl.key'), 'utf8')).toContain('PRIVATE KEY');
  });

  it.each([
    [[], /needs --hostname/],
    [['--hostname', 'quay example.com'], /is not a host name or IP address/],
    [['--hostname=-quay.example.com'], /is not a host name or IP address/],
    [['--hostname', 'https://quay.example.com'], /is not a host name or IP address/],
    [['--hostname', 'q.example.com', '--ip', '10.0.0.256'], /--ip "10.0.0.256" is not an IPv4 or IPv6 address/],
    [['--hostname', 'q.example.com', '--json', '--force'], /--json prints to stdout/],
    [['--hostname', 'q.example.com', 'extra'], /generate cert takes options only: unexpected "extra"/],
  ])('%j is a usage error', async (args, message) => {
    const dir = tempDir();
    const run = await runCli(['generate', 'cert', ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(path.join(dir, 'ssl.cert'))).toBe(false);
  });
});

describe('bin/quay-config.cjs', () => {
  const bin = path.resolve(import.meta.dirname, '../../bin/quay-config.cjs');

  it('runs generate through the real entry point with exit codes 0 and 2', () => {
    const psk = execFileSync(process.execPath, [bin, 'generate', 'psk'], { encoding: 'utf8' });
    expect(decodeStandardBase64(psk.trim())?.length).toBeGreaterThanOrEqual(32);
    const bad = spawnSync(process.execPath, [bin, 'generate', 'nonsense'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown thing to generate "nonsense"');
  });
});
