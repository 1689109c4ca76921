import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { archiveMembers } from '../bundle/write';
import { generateServerCertificate } from '../keys/tls-certificates';
import { holdsPrivateKey } from './private-key';

/**
 * Private keys come in more forms than PEM: DER (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1) and
 * PKCS#12 stores. Each must be recognised, so the bundle writes it 0600 like a PEM key.
 */

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const made = generateServerCertificate({ hostname: 'quay.example.com' });

function pkcs12(): Buffer {
  const key = forge.pki.privateKeyFromPem(made.sslKey);
  const cert = forge.pki.certificateFromPem(made.serverCertPem);
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], 'store-password', { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

const keys: Array<[string, Buffer]> = [
  ['PKCS#8 DER (RSA)', rsa.privateKey.export({ format: 'der', type: 'pkcs8' })],
  ['PKCS#1 DER', rsa.privateKey.export({ format: 'der', type: 'pkcs1' })],
  ['SEC1 DER (EC)', ec.privateKey.export({ format: 'der', type: 'sec1' })],
  ['PKCS#8 DER (EC)', ec.privateKey.export({ format: 'der', type: 'pkcs8' })],
  ['encrypted PKCS#8 DER', rsa.privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' })],
  ['PKCS#12', pkcs12()],
  ['PEM', Buffer.from(made.sslKey)],
];

const notKeys: Array<[string, Buffer]> = [
  ['a DER certificate', Buffer.from(new X509Certificate(made.serverCertPem).raw)],
  ['a DER public key', rsa.publicKey.export({ format: 'der', type: 'spki' })],
  ['a PEM certificate', Buffer.from(made.serverCertPem)],
  ['text', Buffer.from('hello\n')],
  ['an empty file', Buffer.alloc(0)],
  ['a lone SEQUENCE byte', Buffer.from([0x30])],
];

describe('holdsPrivateKey', () => {
  it.each(keys)('recognises %s', (_what, data) => expect(holdsPrivateKey(data)).toBe(true));
  it.each(notKeys)('does not take %s for a key', (_what, data) => expect(holdsPrivateKey(data)).toBe(false));
});

describe('bundle archive modes', () => {
  it('writes DER and PKCS#12 keys with neutral names 0600, a DER certificate 0644', () => {
    const files = new Map<string, Buffer>([
      ['tls.der', keys[0]![1]],
      ['store.bin', pkcs12()],
      ['extra_ca_certs/oops.der', keys[2]![1]],
      ['cert.der', notKeys[0]![1]],
    ]);
    const members = archiveMembers({ config: { SERVER_HOSTNAME: 'q' }, configText: null, doc: null, files, findings: [] });
    expect(Object.fromEntries(members.map((m) => [m.name, m.mode.toString(8)]))).toMatchObject({
      'config.yaml': '600',
      'tls.der': '600',
      'store.bin': '600',
      'extra_ca_certs/oops.der': '600',
      'cert.der': '644',
    });
  });
});
