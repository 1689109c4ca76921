/** What the start screen does: make a new draft, read an uploaded bundle into one. */
import type { ParsedBundle, SecretKeyResponse } from '@/lib/api/contract';
import { apiFetch, apiJson } from './api-client';
import { newConfigDefaults } from './config-bundle';
import type { Draft } from './draft-store';

/** A new configuration: sensible defaults plus SECRET_KEY and DATABASE_SECRET_KEY from the server's CSPRNG. */
export async function newDraft(): Promise<Draft> {
  const [a, b] = await Promise.all([apiJson<SecretKeyResponse>('/api/v2/keys/secret', {}), apiJson<SecretKeyResponse>('/api/v2/keys/secret', {})]);
  return {
    version: 1,
    origin: 'new',
    config: { ...newConfigDefaults(), SECRET_KEY: a.value, DATABASE_SECRET_KEY: b.value },
    certs: {},
    savedAt: Date.now(),
  };
}

/** Sends the file as is to the server, which reads it within fixed limits and names any bad entry. */
export async function parseUpload(file: File): Promise<ParsedBundle> {
  const res = await apiFetch('/api/v2/bundle/parse', {
    method: 'POST',
    headers: { 'content-type': file.name.endsWith('.yaml') || file.name.endsWith('.yml') ? 'application/yaml' : 'application/gzip' },
    body: file,
  });
  return (await res.json()) as ParsedBundle;
}

/** A draft from a parsed bundle: the loaded state is kept as the base of the diff and of the secret-key guard. */
export function draftFromBundle(bundle: ParsedBundle, origin: 'upload' | 'preloaded', sourceName?: string): Draft {
  const config = bundle['config.yaml'];
  return {
    version: 1,
    origin,
    sourceName,
    config,
    certs: bundle.certs,
    original: { config, certs: bundle.certs },
    originalConfigYaml: bundle.originalConfigYaml,
    savedAt: Date.now(),
  };
}
