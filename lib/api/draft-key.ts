import { createHash, createHmac, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { readJsonBody } from './body';
import { ApiError } from './http';
import type { DraftKeyResponse } from './contract';
import { getServerState } from '../server/state';

/**
 * Keys for the wizard's drafts. The browser keeps a draft in localStorage so that nothing typed is
 * lost; its config and files (passwords, SECRET_KEY, ssl.key) are stored sealed with AES-GCM under a
 * key only this server can give, and only to a logged-in client. The key is derived from the
 * server's password and the draft's random id: a draft survives a server restart with the same
 * password (the wizard's promise), and is unreadable to whoever copies the browser's storage.
 */
const MASTERS = Symbol.for('quay-config.draft-masters');

/** scrypt, so that a key seen in a browser does not make guessing the password offline cheap. */
function master(password: string): Buffer {
  const g = globalThis as Record<symbol, unknown>;
  if (!(g[MASTERS] instanceof Map)) g[MASTERS] = new Map<string, Buffer>();
  const cache = g[MASTERS] as Map<string, Buffer>;
  const id = createHash('sha256').update(password).digest('hex');
  let m = cache.get(id);
  if (!m) {
    m = scryptSync(password, 'quay-config draft key v1', 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    cache.clear(); // one password per server
    cache.set(id, m);
  }
  return m;
}

/** The AES-256 key of one draft, standard base64. */
export function draftKey(draftId: string, password: string): string {
  return createHmac('sha256', master(password)).update(`draft:${draftId}`).digest('base64');
}

export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
const input = z.object({ draftId: z.string().regex(DRAFT_ID_PATTERN, 'must be 22–64 characters of [A-Za-z0-9_-]') });

/** `POST /api/v2/session/draft-key` `{draftId}` → `{key}` (never cached). */
export async function draftKeyRequest(request: Request): Promise<DraftKeyResponse> {
  const state = getServerState();
  if (!state) throw new ApiError(503, 'server not initialised');
  const parsed = input.safeParse(await readJsonBody(request, 4096));
  if (!parsed.success) throw new ApiError(400, `"draftId": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { key: draftKey(parsed.data.draftId, state.password) };
}
