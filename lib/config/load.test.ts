import { describe, expect, it } from 'vitest';
import { loadConfigYaml } from './load';

describe('loadConfigYaml', () => {
  it('reads YAML 1.1 as PyYAML does: yes/on are booleans, 0777 is octal, merge keys work', () => {
    const r = loadConfigYaml('A: yes\nB: on\nC: 0777\nbase: &b {x: 1}\nD:\n  <<: *b\n  y: 2\n');
    expect(r.ok && r.config).toEqual({ A: true, B: true, C: 511, base: { x: 1 }, D: { x: 1, y: 2 } });
  });

  it('keeps a 78-digit decimal SECRET_KEY exact (as a string) instead of rounding it', () => {
    const key = '115792089237316195423570985008687907853269984665640564039457584007913129639935';
    const r = loadConfigYaml(`SECRET_KEY: ${key}\nMAIL_PORT: 587\n`);
    expect(r.ok && r.config).toEqual({ SECRET_KEY: key, MAIL_PORT: 587 });
  });

  it('reports duplicate top-level keys with both line numbers', () => {
    const r = loadConfigYaml('DB_URI: a\nX: 1\nDB_URI: b\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.DB_URI).toBe('b');
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'duplicate-key', fields: ['DB_URI'], message: expect.stringContaining('lines 1 and 3') })]);
  });

  it.each([
    ['an empty file', '', 'config.yaml is empty'],
    ['a scalar document', 'just a string\n', 'must be a mapping'],
    ['a list document', '- a\n- b\n', 'must be a mapping'],
    ['broken YAML', 'A: [1, 2\nB: 3\n', 'not valid YAML'],
    ['a Python object tag', 'A: !!python/object:os.system {}\n', 'YAML tag Quay cannot load'],
    ['an alias bomb', `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`, 'could not be loaded'],
  ])('rejects %s with a clear message', (_name, text, expected) => {
    const r = loadConfigYaml(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(expected);
  });

  it('reads UTF-16 with a byte-order mark, as PyYAML does', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SERVER_HOSTNAME: quay.example.com\n', 'utf16le')]);
    const r = loadConfigYaml(bytes);
    expect(r.ok && r.config).toEqual({ SERVER_HOSTNAME: 'quay.example.com' });
  });

  it('refuses absurd nesting with a clear message, not a stack overflow', () => {
    const r = loadConfigYaml('A: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/nested too deeply|nested deeper/);
  });

  it('names the byte offset of invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('A: ok\nB: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const r = loadConfigYaml(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('config.yaml is not valid UTF-8 (at byte 9)');
  });
});
