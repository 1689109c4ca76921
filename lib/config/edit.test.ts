import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConfigYaml } from './edit';
import { loadConfigYaml } from './load';
import type { ConfigMap } from './values';

const FIXTURE = readFileSync(path.join(import.meta.dirname, '../../test/fixtures/bundles/annotated-config.yaml'), 'utf8');

function load(text: string) {
  const loaded = loadConfigYaml(text);
  if (!loaded.ok) throw new Error(loaded.error);
  // A JSON copy: no object shared between aliases, so an edit touches exactly one key.
  return { text, doc: loaded.doc, config: JSON.parse(JSON.stringify(loaded.config)) as ConfigMap };
}

function reload(text: string): ConfigMap {
  const loaded = loadConfigYaml(text);
  if (!loaded.ok) throw new Error(`${loaded.error}\n${text}`);
  return loaded.config;
}

/** Lines of `after` that differ from `before`, by line number (same line count expected). */
function changedLines(before: string, after: string): Array<[number, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.flatMap((line, i) => (line === a[i] ? [] : [[i + 1, line] as [number, string]]));
}

/** Sets a value at a path of keys and indexes, creating nothing: the path must exist up to its last step. */
function set(root: unknown, keys: Array<string | number>, value: unknown): void {
  let node = root;
  for (const k of keys.slice(0, -1)) node = (node as Record<string | number, unknown>)[k];
  (node as Record<string | number, unknown>)[keys[keys.length - 1] as string | number] = value;
}

function edit(text: string, change: (c: ConfigMap) => void): { out: string; config: ConfigMap } {
  const original = load(text);
  const config = structuredClone(original.config);
  change(config);
  const out = renderConfigYaml(original, config);
  expect(reload(out)).toEqual(config);
  return { out, config };
}

const ESCAPE_HATCH_STRINGS = [
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'N',
  'true',
  'null',
  'Null',
  '~',
  '',
  '0777',
  '0x1F',
  '0b101',
  '1_000',
  '1:20',
  '190:20:30.15',
  '1e3',
  '.5',
  '-.inf',
  '.NaN',
  '+1',
  '2001-12-14',
  '2001-12-14T21:59:43.10-05:00',
  '=',
  '<<',
  '-',
  '- x',
  '? x',
  '#x',
  'a #b',
  'a: b',
  '@x',
  '`x',
  '%x',
  '!x',
  '&x',
  '*x',
  '|',
  '>',
  '"q"',
  "'q'",
  '[x]',
  '{x}',
  'x,y',
  ' lead',
  'trail ',
  'multi\nline',
  'multi\nline\n',
  '\n',
  'x\n\n',
  '\u0085',
  'a\u2028b',
  '\x7f',
  '\x1b',
  '---',
  '...',
  '--- x',
  '日本',
];

describe('renderConfigYaml: unedited', () => {
  it('returns the original bytes of a long annotated config', () => {
    const original = load(FIXTURE);
    expect(renderConfigYaml(original, structuredClone(original.config))).toBe(FIXTURE);
  });

  it.each([
    ['CRLF line endings', FIXTURE.replace(/\n/g, '\r\n')],
    ['a byte order mark', `\uFEFF${FIXTURE}`],
    ['document markers', `%YAML 1.1\n---\n${FIXTURE}...\n`],
    ['no final newline', FIXTURE.trimEnd()],
  ])('returns the original bytes with %s', (_name, text) => {
    const original = load(text);
    expect(renderConfigYaml(original, structuredClone(original.config))).toBe(text);
  });

  it('compares by value, not by key order', () => {
    const original = load('B: 1\nA: [x, z]  # c\n');
    expect(renderConfigYaml(original, { A: ['x', 'z'], B: 1 })).toBe('B: 1\nA: [x, z]  # c\n');
  });
});

describe('renderConfigYaml: edits', () => {
  it('changes one scalar deep inside DISTRIBUTED_STORAGE_CONFIG and nothing else', () => {
    const { out } = edit(FIXTURE, (c) => {
      set(c, ['DISTRIBUTED_STORAGE_CONFIG', 'default', 1, 'port'], 8443);
    });
    expect(changedLines(FIXTURE, out)).toEqual([[33, '      port: 8443            # TLS terminated at the gateway']]);
  });

  it('re-renders a structurally changed key with the comments inside it, leaving other keys as they were', () => {
    const { out } = edit(FIXTURE, (c) => {
      set(c, ['DISTRIBUTED_STORAGE_CONFIG', 'default', 1, 's3_region'], 'us-east-1');
    });
    const before = FIXTURE.split('\n');
    const after = out.split('\n');
    const dsc = before.indexOf('DISTRIBUTED_STORAGE_CONFIG:');
    const next = before.indexOf('DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: [default, dc2]');
    expect(after.slice(0, dsc + 1)).toEqual(before.slice(0, dsc + 1));
    expect(after.slice(-(before.length - next))).toEqual(before.slice(next));
    for (const comment of ['    # RadosGW in DC1', '  # local:', '  #   - LocalStorage']) {
      expect(after.filter((l) => l === comment)).toHaveLength(1);
    }
    expect(out).toContain('      storage_path: /datastorage/registry\n      s3_region: us-east-1\n');
    expect(out).toContain('# TLS terminated at the gateway');
  });

  it('keeps a comment that sat on the key line of a re-rendered block', () => {
    const text = 'A: 1\nB:   # about B\n  x: 1\n  y: [1]\nC: 3\n';
    const { out } = edit(text, (c) => {
      set(c, ['B', 'z'], 2);
    });
    expect(out).toBe('A: 1\nB:   # about B\n  x: 1\n  y: [1]\n  z: 2\nC: 3\n');
  });

  it('removes a key with its own comments and keeps the file header', () => {
    const text = '# header\nA: 1\n\n# about B\nB:\n  x: 1\n  # old: 2\n\nC: 3 # c\n';
    expect(edit(text, (c) => delete c.B).out).toBe('# header\nA: 1\n\nC: 3 # c\n');
    expect(edit(text, (c) => delete c.A).out).toBe('# header\n\n# about B\nB:\n  x: 1\n  # old: 2\n\nC: 3 # c\n');
  });

  it('removes a key from the annotated config and leaves every other line', () => {
    const { out } = edit(FIXTURE, (c) => delete c.LDAP_UID_ATTR);
    expect(out).toBe(FIXTURE.replace('LDAP_UID_ATTR: uid\n', ''));
  });

  it('appends new keys after the last key, before the trailing comment, in the order given', () => {
    const { out } = edit(FIXTURE, (c) => {
      c.FEATURE_QUOTA_MANAGEMENT = true;
      c.DEFAULT_SYSTEM_REJECT_QUOTA_BYTES = 1073741824;
      c.GLOBAL_READONLY_SUPER_USERS = ['auditor', 'yes'];
    });
    const tail = '\nFEATURE_QUOTA_MANAGEMENT: true\nDEFAULT_SYSTEM_REJECT_QUOTA_BYTES: 1073741824\n' + "GLOBAL_READONLY_SUPER_USERS:\n  - auditor\n  - 'yes'\n\n# end of file: keep this comment\n";
    expect(out.endsWith(tail)).toBe(true);
    expect(out.slice(0, out.indexOf('FEATURE_QUOTA_MANAGEMENT'))).toBe(FIXTURE.slice(0, FIXTURE.indexOf('\n\n# end of file') + 1));
  });

  it('keeps the line endings of a CRLF file', () => {
    const text = FIXTURE.replace(/\n/g, '\r\n');
    const { out } = edit(text, (c) => {
      set(c, ['DB_CONNECTION_ARGS', 'sslmode'], 'require');
      set(c, ['DISTRIBUTED_STORAGE_CONFIG', 'dc2', 1, 'port'], 8443);
      set(c, ['DISTRIBUTED_STORAGE_CONFIG', 'dc2', 1, 'extra'], 'x');
      c.NEW_KEY = { a: 'b' };
    });
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out).toContain('  sslmode: require       # needs database.pem in the bundle\r\n');
    expect(out).toContain('NEW_KEY:\r\n  a: b\r\n');
  });

  it('quotes YAML-1.1-ambiguous strings so they stay strings', () => {
    const { out, config } = edit(FIXTURE, (c) => {
      c.SERVER_HOSTNAME = 'yes';
      c.MAIL_PORT = '0587';
      c.REGISTRY_TITLE = 'null';
      set(c, ['DISTRIBUTED_STORAGE_CONFIG', 'default', 1, 's3_bucket'], '1:20');
      c.LDAP_USER_RDN = ['~', 'a,b'];
      set(c, ['FOOTER_LINKS', 'TERMS_OF_SERVICE_URL'], 'on');
    });
    expect(out).toContain("SERVER_HOSTNAME: 'yes'\n");
    expect(out).toContain("MAIL_PORT: '0587'              # STARTTLS submission port\n");
    expect(reload(out)).toEqual(config);
  });

  it.each(ESCAPE_HATCH_STRINGS.map((s) => [JSON.stringify(s), s]))('round-trips %s as a value, a list item, a flow item and a key', (_n, s) => {
    const text = 'PLAIN: x\nQUOTED: "x"\nLIST:\n  - x\nFLOW: [x, y]\nMAP: {k: v}\nLITERAL: |\n  a\n  b\n';
    edit(text, (c) => {
      c.PLAIN = s;
      c.QUOTED = s;
      set(c, ['LIST', 0], s);
      set(c, ['FLOW', 0], s);
      set(c, ['MAP', 'k'], s);
      c.LITERAL = s;
      c.NEW = { [s]: s };
    });
  });

  it('rewrites a block literal as a block literal', () => {
    const { out } = edit(FIXTURE, (c) => {
      c.MOTD = 'Welcome.\n  Indented.\nBye.\n';
    });
    expect(out).toContain('MOTD: |\n  Welcome.\n    Indented.\n  Bye.\nLONG_DESCRIPTION: >\n');
  });

  it('materialises the users of an anchor whose value changed, and nothing else', () => {
    const { out } = edit(FIXTURE, (c) => {
      set(c, ['BUILDLOGS_REDIS', 'port'], 6380);
    });
    expect(out).not.toContain('*redis');
    expect(out).toContain("USER_EVENTS_REDIS:\n  host: redis.example.com\n  port: 6379\n  password: 'redis pw'\n");
    expect(out).toContain("BUILDLOGS_REDIS:\n  host: redis.example.com\n  port: 6380\n  password: 'redis pw'\n");
  });

  it('materialises a changed alias user and keeps the anchor', () => {
    const { out } = edit(FIXTURE, (c) => {
      set(c, ['USER_EVENTS_REDIS', 'port'], 6380);
    });
    expect(out).toContain('BUILDLOGS_REDIS: &redis\n  host: redis.example.com\n  port: 6379\n');
    expect(out).toContain("USER_EVENTS_REDIS:\n  host: redis.example.com\n  port: 6380\n  password: 'redis pw'\n");
  });

  it('materialises an alias whose anchor was removed', () => {
    const { out } = edit('A: &a {x: 1}\nB: *a\nC: [*a]\n', (c) => delete c.A);
    expect(out).toBe('B: {x: 1}\nC: [{x: 1}]\n');
  });

  it('keeps a top-level merge and overrides a merged key explicitly', () => {
    const text = 'BASE: &base\n  A: 1\n<<: *base\nB: 2\n';
    const { out } = edit(text, (c) => {
      c.A = 5;
      c.B = 3;
    });
    expect(out).toBe('BASE: &base\n  A: 1\n<<: *base\nB: 3\nA: 5\n');
  });

  it('drops the shadowed copy of a duplicated key it rewrites', () => {
    const { out } = edit('A: 1\nB: 2\nA: 3\n', (c) => {
      c.A = 4;
    });
    expect(out).toBe('B: 2\nA: 4\n');
  });

  it('keeps 78-digit integers exact, and unquoted, inside an edited block', () => {
    const big = '40157269433064266822674401740626984898972632465622168464725100311621640999470';
    const text = `KEYS:\n  old: ${big}\n  n: 1\n`;
    expect(edit(text, (c) => set(c, ['KEYS', 'n'], 2)).out).toBe(`KEYS:\n  old: ${big}\n  n: 2\n`);
    expect(edit(text, (c) => set(c, ['KEYS', 'm'], 3)).out).toBe(`KEYS:\n  old: ${big}\n  n: 1\n  m: 3\n`);
  });

  it('copes with an indented or flow top-level map', () => {
    expect(edit('  A: 1\n  B: [x]\n', (c) => (c.B = ['y'])).out).toContain('y');
    expect(edit('{A: 1, B: 2}  # flow\n', (c) => (c.C = 3)).out).toContain('C: 3');
  });

  it('does not change a file without a final newline more than needed', () => {
    expect(edit('A: 1\nB: 2', (c) => (c.B = 3)).out).toBe('A: 1\nB: 3');
    expect(edit('A: 1\nB: 2', (c) => (c.C = 3)).out).toBe('A: 1\nB: 2\nC: 3\n');
  });

  it('leaves the caller’s document and config untouched', () => {
    const original = load(FIXTURE);
    const before = original.doc.toString();
    const config = structuredClone(original.config);
    set(config, ['DISTRIBUTED_STORAGE_CONFIG', 'default', 1, 'extra'], 1);
    const snapshot = structuredClone(config);
    renderConfigYaml(original, config);
    expect(original.doc.toString()).toBe(before);
    expect(config).toEqual(snapshot);
  });
});

describe('renderConfigYaml: fresh', () => {
  it('renders block style with 2-space indent, keys in the order given', () => {
    const out = renderConfigYaml(null, {
      SERVER_HOSTNAME: 'quay.example.com',
      DISTRIBUTED_STORAGE_CONFIG: { default: ['LocalStorage', { storage_path: '/datastorage/registry' }] },
      TAG_EXPIRATION_OPTIONS: ['2w'],
      DB_CONNECTION_ARGS: {},
      AUTHENTICATION_TYPE: 'Database',
    });
    expect(out).toBe(
      'SERVER_HOSTNAME: quay.example.com\nDISTRIBUTED_STORAGE_CONFIG:\n  default:\n    - LocalStorage\n' +
        '    - storage_path: /datastorage/registry\nTAG_EXPIRATION_OPTIONS:\n  - 2w\nDB_CONNECTION_ARGS: {}\n' +
        'AUTHENTICATION_TYPE: Database\n',
    );
  });

  it('round-trips every YAML-1.1-ambiguous string, as values and as keys', () => {
    const config: ConfigMap = Object.fromEntries(ESCAPE_HATCH_STRINGS.map((s, i) => [`K${i}`, s]));
    config.LIST = ESCAPE_HATCH_STRINGS;
    config.KEYS = Object.fromEntries(ESCAPE_HATCH_STRINGS.map((s) => [s, s]));
    const out = renderConfigYaml(null, config);
    expect(reload(out)).toEqual(config);
    const line = (s: string) => `K${ESCAPE_HATCH_STRINGS.indexOf(s)}: `;
    for (const s of ['yes', '0777', '1:20', '~', '2001-12-14', '=', '<<']) expect(out).toContain(`${line(s)}'${s}'\n`);
    expect(out).toContain(`${line('\u0085')}"\\N"\n`);
  });

  it('prints numbers as PyYAML reads them, and shared objects without anchors', () => {
    const shared = { host: 'r' };
    const out = renderConfigYaml(null, { BIG: 1e21, SMALL: 1e-7, A: shared, B: shared });
    expect(out).toBe('BIG: 1.0e+21\nSMALL: 1.0e-7\nA:\n  host: r\nB:\n  host: r\n');
  });
});
