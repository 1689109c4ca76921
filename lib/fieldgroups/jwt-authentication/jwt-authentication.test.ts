import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../config/values';
import type { Finding } from '../../report/types';
import { jwtAuthentication } from './index';
import { parseJwtPublicKey } from './public-key';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const SPKI = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PKCS1 = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const PRIVATE = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** The OpenSSH form Quay's own tests write (`ssh-rsa <base64> comment`). */
function sshRsa(): string {
  const jwk = rsa.publicKey.export({ format: 'jwk' });
  const mpint = (b64url?: string) => {
    const b = Buffer.from(b64url ?? '', 'base64url');
    return (b[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
  };
  const sshString = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  const blob = Buffer.concat([Buffer.from('ssh-rsa'), mpint(jwk.e), mpint(jwk.n)].map(sshString));
  return `ssh-rsa ${blob.toString('base64')} jwt@example`;
}

const CONFIG: ConfigMap = {
  AUTHENTICATION_TYPE: 'JWT',
  JWT_VERIFY_ENDPOINT: 'https://jwt.example.org/verify',
  JWT_GETUSER_ENDPOINT: 'https://jwt.example.org/getuser',
  JWT_QUERY_ENDPOINT: 'https://jwt.example.org/query',
  JWT_AUTH_ISSUER: 'authy',
};
const ctx = (over: ConfigMap, files: Record<string, string> = { 'jwt-authn.cert': SPKI }) => ({
  config: { ...CONFIG, ...over },
  files: new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)])),
  now: new Date(),
});
const rules = (over: ConfigMap, files?: Record<string, string>) => jwtAuthentication.rules(ctx(over, files)).map(({ code, fields, severity }: Finding) => ({ code, fields, severity }));

describe('JWTAuthentication rules', () => {
  it('runs only for AUTHENTICATION_TYPE JWT', () => {
    expect(jwtAuthentication.skipReason(ctx({}))).toBeNull();
    expect(jwtAuthentication.skipReason(ctx({ AUTHENTICATION_TYPE: 'Database' }))).toBe('AUTHENTICATION_TYPE is not JWT');
  });

  it.each<[string, ConfigMap, unknown[]]>([
    ['a complete config', {}, []],
    ['an issuer that is not a URL (the upstream schema wrongly demanded one)', { JWT_AUTH_ISSUER: 'one' }, []],
    [
      'no verify endpoint and no issuer (legacy messages)',
      { JWT_VERIFY_ENDPOINT: undefined, JWT_AUTH_ISSUER: ' ' },
      [
        { code: 'required', fields: ['JWT_VERIFY_ENDPOINT'], severity: 'error' },
        { code: 'required', fields: ['JWT_AUTH_ISSUER'], severity: 'error' },
      ],
    ],
    ["no getuser endpoint (Quay's auth health check uses it)", { JWT_GETUSER_ENDPOINT: undefined }, [{ code: 'jwt-getuser-missing', fields: ['JWT_GETUSER_ENDPOINT'], severity: 'warning' }]],
    ['no query endpoint', { JWT_QUERY_ENDPOINT: undefined }, []],
    ['http:// verify endpoint to a remote host', { JWT_VERIFY_ENDPOINT: 'http://jwt.example.org/verify' }, [{ code: 'jwt-cleartext', fields: ['JWT_VERIFY_ENDPOINT'], severity: 'warning' }]],
    ['a URL that passes the schema pattern but does not parse', { JWT_QUERY_ENDPOINT: 'https://jwt example/q' }, [{ code: 'invalid-url', fields: ['JWT_QUERY_ENDPOINT'], severity: 'error' }]],
    ['another scheme (the schema pattern reports it)', { JWT_VERIFY_ENDPOINT: 'ftp://jwt.example.org' }, []],
  ])('%s', (_name, over, expected) => {
    expect(rules(over)).toEqual(expected);
  });

  it.each<[string, Record<string, string>, string | undefined]>([
    ['a PEM public key (SPKI)', { 'jwt-authn.cert': SPKI }, undefined],
    ['a PKCS#1 RSA public key', { 'jwt-authn.cert': PKCS1 }, undefined],
    ['an OpenSSH ssh-rsa key', { 'jwt-authn.cert': sshRsa() }, undefined],
    ['no key file (legacy: public key file not found)', {}, 'jwt-key-missing'],
    ['a certificate (PyJWT cannot load it)', { 'jwt-authn.cert': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' }, 'jwt-key-is-certificate'],
    ['a private key', { 'jwt-authn.cert': PRIVATE }, 'jwt-key-is-private'],
    ['an EC key (Quay verifies RS256 only)', { 'jwt-authn.cert': ec.publicKey.export({ type: 'spki', format: 'pem' }).toString() }, 'jwt-key-not-rsa'],
    ['garbage', { 'jwt-authn.cert': 'hello' }, 'jwt-key-invalid'],
    ['a broken PEM body', { 'jwt-authn.cert': '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' }, 'jwt-key-invalid'],
    ['a broken ssh-rsa line', { 'jwt-authn.cert': 'ssh-rsa AAAA' }, 'jwt-key-invalid'],
  ])('jwt-authn.cert holding %s', (_name, files, code) => {
    expect(rules({}, files)).toEqual(code ? [{ code, fields: ['jwt-authn.cert'], severity: 'error' }] : []);
  });

  it('parses the ssh-rsa form to the same key as the PEM form', () => {
    const a = parseJwtPublicKey(Buffer.from(sshRsa()));
    const b = parseJwtPublicKey(Buffer.from(SPKI));
    expect('key' in a && 'key' in b && a.key.equals(b.key)).toBe(true);
  });
});

describe('JWTAuthentication probes', () => {
  it('probes verify and getuser always, query only with a usable key', () => {
    const names = (over: ConfigMap, files?: Record<string, string>) => jwtAuthentication.probes?.(ctx(over, files)).map((p) => p.fields);
    expect(names({})).toEqual([['JWT_VERIFY_ENDPOINT'], ['JWT_GETUSER_ENDPOINT'], ['JWT_QUERY_ENDPOINT', 'JWT_AUTH_ISSUER', 'jwt-authn.cert']]);
    expect(names({}, {})).toEqual([['JWT_VERIFY_ENDPOINT'], ['JWT_GETUSER_ENDPOINT']]);
    expect(names({ JWT_AUTH_ISSUER: undefined })).toEqual([]);
  });
});
