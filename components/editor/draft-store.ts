/**
 * The draft: everything the administrator entered, kept in this browser (localStorage) so that a
 * failed request, a server restart or a closed tab loses nothing. Passwords, keys and ssl.key must
 * not lie there in clear: the config, the files and the loaded YAML are sealed with AES-GCM under a
 * key the server gives to logged-in clients only (lib/api/draft-key). In clear are only what the
 * start screen shows (origin, file name, host name, age, Quay release). Drafts expire after a week untouched and
 * are deleted on logout.
 */
import type { DraftKeyResponse } from '@/lib/api/contract';
import type { ConfigObject, Files } from './editor-types';

/** Where the configuration being edited came from. */
export type DraftOrigin = 'new' | 'upload' | 'preloaded';

/** Everything needed to reopen the editor exactly where the administrator left it. */
export interface Draft {
  version: 1;
  /** Random id, the salt of the draft's key; made on the first save. */
  id?: string;
  origin: DraftOrigin;
  /** File name of the uploaded bundle, for display. */
  sourceName?: string;
  config: ConfigObject;
  certs: Files;
  /** The bundle as loaded (upload or preloaded): the base of the diff and of the secret-key guard. */
  original?: { config: ConfigObject; certs: Files };
  /** The loaded `config.yaml` text, sent back on download so comments and order survive. */
  originalConfigYaml?: string;
  savedAt: number;
  /** Section last shown, to come back to the same place. */
  section?: string;
  /** The Quay release the verdicts are judged for (`quayVersion`); absent: the server's default. */
  quayVersion?: string;
}

/** What is stored: the sealed part and the little the start screen shows. */
interface StoredDraft {
  version: 2;
  id: string;
  origin: DraftOrigin;
  sourceName?: string;
  hostname?: string;
  savedAt: number;
  section?: string;
  quayVersion?: string;
  /** AES-GCM nonce and ciphertext of `{config, certs, original, originalConfigYaml}`, base64. */
  iv: string;
  sealed: string;
}

type SealedPart = Pick<Draft, 'config' | 'certs' | 'original' | 'originalConfigYaml'>;

const KEY = 'quay-config.draft.v2';
/** Drafts before sealing kept everything in clear under this key: removed on sight. */
const LEGACY_KEY = 'quay-config.draft.v1';
/** A draft not saved for this long is deleted. */
export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** sessionStorage flag set by the start screen right before it opens the editor, so a fresh draft is not called "restored". */
export const FRESH_FLAG = 'quay-config.fresh';

/** Where drafts live and where their keys come from; the browser's by default. */
export interface DraftVault {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** The raw AES-256 key of a draft id (from the server). */
  key(id: string): Promise<Uint8Array>;
}

const cachedKeys = new Map<string, Promise<CryptoKey>>();

function browserVault(): DraftVault {
  return {
    storage: window.localStorage,
    async key(id) {
      const res = await fetch('/api/v2/session/draft-key', {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ draftId: id }),
      });
      if (!res.ok) throw new Error(`the server gave no draft key (${res.status})`);
      return base64ToBytes(((await res.json()) as DraftKeyResponse).key);
    },
  };
}

function cryptoKey(vault: DraftVault, id: string): Promise<CryptoKey> {
  let k = cachedKeys.get(id);
  if (!k) {
    k = vault.key(id).then((raw) => crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']));
    k.catch(() => cachedKeys.delete(id));
    cachedKeys.set(id, k);
  }
  return k;
}

/**
 * The saved draft, or null when there is none, it expired, or it cannot be opened (sealed for
 * another password: then it is deleted). A legacy clear-text draft is sealed and its copy removed.
 */
export async function loadDraft(vault: DraftVault = browserVault(), now = Date.now()): Promise<Draft | null> {
  const { storage } = vault;
  const legacy = readLegacy(storage);
  if (legacy) {
    storage.removeItem(LEGACY_KEY);
    if (now - legacy.savedAt > DRAFT_TTL_MS) return null;
    return (await saveDraft(legacy, vault)) ? { ...legacy, id: storedDraft(storage)?.id } : legacy;
  }
  const stored = storedDraft(storage);
  if (!stored) return null;
  if (now - stored.savedAt > DRAFT_TTL_MS) {
    storage.removeItem(KEY);
    return null;
  }
  let part: SealedPart;
  try {
    const key = await cryptoKey(vault, stored.id);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: base64ToBytes(stored.iv) as BufferSource, additionalData: utf8(stored.id) }, key, base64ToBytes(stored.sealed) as BufferSource);
    part = JSON.parse(new TextDecoder().decode(plain)) as SealedPart;
  } catch (e) {
    // No key now (server unreachable): keep the draft for later. A key that does not open it: it never will.
    if (e instanceof DOMException && e.name === 'OperationError') storage.removeItem(KEY);
    return null;
  }
  return {
    version: 1,
    id: stored.id,
    origin: stored.origin,
    sourceName: stored.sourceName,
    savedAt: stored.savedAt,
    section: stored.section,
    quayVersion: typeof stored.quayVersion === 'string' ? stored.quayVersion : undefined,
    ...part,
    certs: part.certs ?? {},
  };
}

let saves = 0;

/** Seals and saves the draft; false when the browser refused (quota, private mode) or no key could be had. */
export async function saveDraft(draft: Draft, vault: DraftVault = browserVault()): Promise<boolean> {
  const turn = ++saves;
  const id = draft.id ?? newDraftId();
  draft.id = id;
  try {
    const key = await cryptoKey(vault, id);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const part: SealedPart = { config: draft.config, certs: draft.certs, original: draft.original, originalConfigYaml: draft.originalConfigYaml };
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(id) }, key, utf8(JSON.stringify(part)));
    // A later save finished first: it has the newer state.
    if (turn !== saves) return true;
    const host = draft.config.SERVER_HOSTNAME;
    const stored: StoredDraft = {
      version: 2,
      id,
      origin: draft.origin,
      sourceName: draft.sourceName,
      hostname: typeof host === 'string' ? host.slice(0, 253) : undefined,
      savedAt: draft.savedAt,
      section: draft.section,
      quayVersion: draft.quayVersion,
      iv: bytesToBase64(iv),
      sealed: bytesToBase64(new Uint8Array(sealed)),
    };
    vault.storage.setItem(KEY, JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the draft ("Discard", starting over, logging out). */
export function clearDraft(storage: DraftVault['storage'] | undefined = typeof window === 'undefined' ? undefined : window.localStorage): void {
  try {
    storage?.removeItem(KEY);
    storage?.removeItem(LEGACY_KEY);
  } catch {
    /* nothing to clear */
  }
  cachedKeys.clear();
}

/** Whether a draft is kept (without opening it): the start screen asks before replacing one. */
export function hasDraft(storage: DraftVault['storage'] = window.localStorage): boolean {
  try {
    return storage.getItem(KEY) !== null || storage.getItem(LEGACY_KEY) !== null;
  } catch {
    return false;
  }
}

function storedDraft(storage: DraftVault['storage']): StoredDraft | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    if (parsed.version !== 2 || typeof parsed.id !== 'string' || typeof parsed.iv !== 'string' || typeof parsed.sealed !== 'string' || typeof parsed.savedAt !== 'number') return null;
    return parsed as StoredDraft;
  } catch {
    return null;
  }
}

function readLegacy(storage: DraftVault['storage']): Draft | null {
  try {
    const raw = storage.getItem(LEGACY_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (parsed.version !== 1 || typeof parsed.config !== 'object' || parsed.config === null) {
      storage.removeItem(LEGACY_KEY);
      return null;
    }
    return { ...parsed, certs: parsed.certs ?? {}, savedAt: typeof parsed.savedAt === 'number' ? parsed.savedAt : 0 } as Draft;
  } catch {
    return null;
  }
}

function newDraftId(): string {
  return bytesToBase64(crypto.getRandomValues(new Uint8Array(18)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function base64ToBytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** "3 minutes ago" style age of a timestamp. */
export function describeAge(savedAt: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - savedAt) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} hour${h === 1 ? '' : 's'} ago`;
  return new Date(savedAt).toLocaleString();
}
