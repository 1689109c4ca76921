import { describe, expect, it } from 'vitest';
import { clearDraft, DRAFT_TTL_MS, hasDraft, loadDraft, saveDraft, type Draft, type DraftVault } from '../../components/editor/draft-store';
import { safeNext } from '../../components/editor/safe-next';
import { draftKey } from '../../lib/api/draft-key';

/**
 * The wizard's draft in the browser's localStorage: after the red-team pass it held every
 * password, SECRET_KEY and ssl.key in clear, forever, also after logout. The store is the real
 * module with WebCrypto (Node has the browser's API); storage is a plain map and the keys come
 * from the server's real derivation.
 */

const SECRETS = {
  db: 'db-pass-7c1e9f',
  secretKey: 'secret-key-4b2d71',
  redis: 'redis-pass-91aa0c',
  sslKey: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC-ssl-key-body\n-----END PRIVATE KEY-----\n',
};

function memoryVault(password = 'server-password'): DraftVault & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    storage: {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => void items.set(k, v),
      removeItem: (k) => void items.delete(k),
    },
    key: async (id) => Uint8Array.from(Buffer.from(draftKey(id, password), 'base64')),
  };
}

function draft(savedAt = Date.now()): Draft {
  const config = {
    SERVER_HOSTNAME: 'quay.draft.example',
    DB_URI: `postgresql://quay:${SECRETS.db}@db.example.com/quay`,
    SECRET_KEY: SECRETS.secretKey,
    BUILDLOGS_REDIS: { host: 'redis', password: SECRETS.redis },
  };
  const certs = { 'ssl.key': Buffer.from(SECRETS.sslKey).toString('base64') };
  return {
    version: 1,
    origin: 'upload',
    sourceName: 'quay-config.tar.gz',
    config,
    certs,
    original: { config, certs },
    originalConfigYaml: `DB_URI: postgresql://quay:${SECRETS.db}@db.example.com/quay\nSECRET_KEY: ${SECRETS.secretKey}\n`,
    savedAt,
  };
}

/** Every form a secret could take in storage: as is, and base64 of it. */
function expectNoSecrets(stored: string): void {
  for (const s of Object.values(SECRETS)) {
    expect(stored).not.toContain(s);
    expect(stored).not.toContain(Buffer.from(s).toString('base64').slice(0, 24));
  }
  expect(stored).not.toContain('PRIVATE KEY');
}

describe('the draft kept in the browser', () => {
  it('holds no password, key or ssl.key in clear, and opens again with the server key', async () => {
    const vault = memoryVault();
    expect(await saveDraft(draft(), vault)).toBe(true);
    const stored = [...vault.items.values()].join('\n');
    expectNoSecrets(stored);
    expect(stored).toContain('quay.draft.example'); // what the start screen shows stays readable
    const opened = await loadDraft(vault);
    expect(opened?.config).toEqual(draft().config);
    expect(opened?.certs).toEqual(draft().certs);
    expect(opened?.originalConfigYaml).toContain(SECRETS.db);
  });

  it('remembers the Quay release chosen for the verdicts (in clear: it is no secret)', async () => {
    const vault = memoryVault();
    expect(await saveDraft({ ...draft(), quayVersion: '3.9' }, vault)).toBe(true);
    expect(JSON.parse([...vault.items.values()][0] ?? '{}').quayVersion).toBe('3.9');
    expect((await loadDraft(vault))?.quayVersion).toBe('3.9');
    const plain = memoryVault();
    await saveDraft(draft(), plain);
    expect((await loadDraft(plain))?.quayVersion).toBeUndefined();
  });

  it('cannot be opened with the key of another server password, and is then deleted', async () => {
    const vault = memoryVault('first-password');
    await saveDraft(draft(), vault);
    const other = { ...memoryVault('second-password'), storage: vault.storage };
    clearKeyCache();
    expect(await loadDraft(other)).toBeNull();
    expect(hasDraft(vault.storage)).toBe(false);
  });

  it('expires when it was not saved for a week', async () => {
    const vault = memoryVault();
    await saveDraft(draft(Date.now() - DRAFT_TTL_MS - 60_000), vault);
    expect(await loadDraft(vault)).toBeNull();
    expect(vault.items.size).toBe(0);
  });

  it('a clear-text draft of an earlier version is sealed on sight and its copy removed', async () => {
    const vault = memoryVault();
    vault.items.set('quay-config.draft.v1', JSON.stringify(draft()));
    const opened = await loadDraft(vault);
    expect(opened?.config).toEqual(draft().config);
    expect(vault.items.has('quay-config.draft.v1')).toBe(false);
    expectNoSecrets([...vault.items.values()].join('\n'));
  });

  it('is gone after clearDraft (what logout calls)', async () => {
    const vault = memoryVault();
    await saveDraft(draft(), vault);
    vault.items.set('quay-config.draft.v1', JSON.stringify(draft()));
    clearDraft(vault.storage);
    expect(vault.items.size).toBe(0);
    expect(await loadDraft(vault)).toBeNull();
  });
});

/** Keys are cached per draft id in memory (as in a browser tab); clearDraft on an empty storage only empties that cache. */
function clearKeyCache(): void {
  clearDraft({ getItem: () => null, setItem: () => {}, removeItem: () => {} });
}

describe('where the login page goes next', () => {
  const origin = 'https://quay-config.example:8443';
  it.each([
    '/%09/evil.example',
    '/\t/evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    `${origin}//evil.example`.replace(origin, 'https://evil.example'),
    '/\n/evil.example',
    ' //evil.example',
  ])('stays on the server for %j', (next) => {
    const decoded = (() => {
      try {
        return decodeURIComponent(next);
      } catch {
        return next;
      }
    })();
    for (const n of [next, decoded]) expect(new URL(safeNext(n, origin)).origin).toBe(origin);
  });

  it('follows paths on the server, and never back to /login', () => {
    expect(safeNext('/editor?x=1#s', origin)).toBe(`${origin}/editor?x=1#s`);
    expect(safeNext(`${origin}/editor`, origin)).toBe(`${origin}/editor`);
    expect(safeNext('/login?next=/editor', origin)).toBe(`${origin}/`);
  });
});
