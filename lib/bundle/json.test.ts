import { describe, expect, it } from 'vitest';
import { bundleFromJson, bundleToJson } from './json';
import { BundleError } from './types';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function rejection(body: unknown): BundleError {
  try {
    bundleFromJson(body);
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return e as BundleError;
  }
  throw new Error('expected a BundleError');
}

describe('bundleFromJson', () => {
  it('reads config-tool’s ConfigBundle shape and ignores its other members', () => {
    const bundle = bundleFromJson({
      'config.yaml': { SERVER_HOSTNAME: 'q', DB_CONNECTION_ARGS: {} },
      certs: { 'ssl.cert': b64('CERT'), 'extra_ca_certs/ca.crt': `${b64('C'.repeat(60)).slice(0, 40)}\n${b64('C'.repeat(60)).slice(40)}`, 'database.pem': '' },
      managedFieldGroups: ['Database'],
    });
    expect(bundle.config).toEqual({ SERVER_HOSTNAME: 'q', DB_CONNECTION_ARGS: {} });
    expect(bundle.configText).toBeNull();
    expect(bundle.doc).toBeNull();
    expect(Object.fromEntries([...bundle.files].map(([k, v]) => [k, v.toString()]))).toEqual({
      'ssl.cert': 'CERT',
      'extra_ca_certs/ca.crt': 'C'.repeat(60),
      'database.pem': '',
    });
  });

  it('accepts a bundle without certs', () => {
    expect(bundleFromJson({ 'config.yaml': {} }).files.size).toBe(0);
    expect(bundleFromJson({ 'config.yaml': {}, certs: null }).files.size).toBe(0);
  });

  it.each([
    ['a body that is not an object', [], 'the bundle must be a JSON object with "config.yaml" and "certs", not an array', undefined],
    ['a missing config', { certs: {} }, '"config.yaml" is missing from the bundle', 'config.yaml'],
    ['a config that is not an object', { 'config.yaml': ['A'] }, '"config.yaml" must be an object of keys to values, not an array', 'config.yaml'],
    ['certs that are not an object', { 'config.yaml': {}, certs: 'x' }, '"certs" must be an object of file names to base64 contents, not a string', 'certs'],
    ['a cert that is not a string', { 'config.yaml': {}, certs: { 'ssl.cert': 12 } }, 'certs.ssl.cert must be a base64 string, not a number', 'ssl.cert'],
    ['invalid base64', { 'config.yaml': {}, certs: { 'ssl.cert': 'not base64!' } }, 'certs.ssl.cert is not valid base64', 'ssl.cert'],
    ['URL-safe base64', { 'config.yaml': {}, certs: { 'ssl.cert': 'ab-_' } }, 'certs.ssl.cert is not valid base64', 'ssl.cert'],
    ['unpadded base64', { 'config.yaml': {}, certs: { 'ssl.cert': 'abc' } }, 'certs.ssl.cert is not valid base64', 'ssl.cert'],
    [
      'a path traversal',
      { 'config.yaml': {}, certs: { '../../etc/evil.crt': b64('x') } },
      'certs["../../etc/evil.crt"]: path contains ".." (it would leave the bundle directory)',
      '../../etc/evil.crt',
    ],
    ['an absolute path', { 'config.yaml': {}, certs: { '/etc/evil.crt': b64('x') } }, 'certs["/etc/evil.crt"]: absolute path', '/etc/evil.crt'],
    ['a nested directory', { 'config.yaml': {}, certs: { 'certs/x.crt': b64('x') } }, 'certs["certs/x.crt"]: only top-level files and extra_ca_certs/<file> can be in a bundle', 'certs/x.crt'],
    ['a nested extra_ca_certs directory', { 'config.yaml': {}, certs: { 'extra_ca_certs/a/b.crt': b64('x') } }, 'certs["extra_ca_certs/a/b.crt"]: only top-level files', 'extra_ca_certs/a/b.crt'],
    ['config.yaml among the certs', { 'config.yaml': {}, certs: { 'config.yaml': b64('A: 1') } }, 'certs.config.yaml: config.yaml goes in "config.yaml", not among the certs', 'config.yaml'],
    ['the same file twice', { 'config.yaml': {}, certs: { 'ssl.cert': b64('a'), './ssl.cert': b64('b') } }, 'certs["./ssl.cert"]: appears twice in the bundle (first as "ssl.cert")', './ssl.cert'],
    ['a control character', { 'config.yaml': {}, certs: { 'a\rb.crt': b64('x') } }, 'certs["a\\u000db.crt"]: name contains a control character', 'a\rb.crt'],
    ['a file over 20 MiB', { 'config.yaml': {}, certs: { 'big.pem': 'A'.repeat(28 * 1024 * 1024) } }, 'certs.big.pem is larger than the 20 MiB limit for one file', 'big.pem'],
  ])('rejects %s', (_name, body, message, entry) => {
    const e = rejection(body);
    expect(e.message.startsWith(message)).toBe(true);
    expect(e.entry).toBe(entry);
  });
});

describe('bundleToJson', () => {
  it('gives config-tool’s shape, every file in name order, standard base64, and reads back the same', () => {
    const bundle = bundleFromJson({ 'config.yaml': { A: 1 }, certs: { 'ssl.key': b64('K'), 'extra_ca_certs/z.crt': b64('Z'), 'database.pem': b64('\u00ff\u00fe') } });
    const json = bundleToJson(bundle);
    expect(json).toEqual({ 'config.yaml': { A: 1 }, certs: { 'database.pem': b64('\u00ff\u00fe'), 'extra_ca_certs/z.crt': 'Wg==', 'ssl.key': 'Sw==' } });
    expect(Object.keys(json.certs)).toEqual(['database.pem', 'extra_ca_certs/z.crt', 'ssl.key']);
    expect(bundleFromJson(JSON.parse(JSON.stringify(json))).files).toEqual(bundle.files);
  });
});
