/**
 * The draft: everything the administrator entered, kept in this browser (localStorage) so that a
 * failed request, a server restart or a closed tab loses nothing. Written debounced by the editor.
 */
import type { ConfigObject, Files } from './editor-types';

/** Where the configuration being edited came from. */
export type DraftOrigin = 'new' | 'upload' | 'preloaded';

/** Everything needed to reopen the editor exactly where the administrator left it. */
export interface Draft {
  version: 1;
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
}

const KEY = 'quay-config.draft.v1';

/** sessionStorage flag set by the start screen right before it opens the editor, so a fresh draft is not called "restored". */
export const FRESH_FLAG = 'quay-config.fresh';

/** The saved draft, or null when there is none (or it is unreadable). */
export function loadDraft(): Draft | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (parsed.version !== 1 || typeof parsed.config !== 'object' || parsed.config === null) return null;
    return { ...parsed, certs: parsed.certs ?? {} } as Draft;
  } catch {
    return null;
  }
}

/** Saves the draft; returns false when the browser refused (quota, private mode). */
export function saveDraft(draft: Draft): boolean {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the draft ("Discard", or starting over). */
export function clearDraft(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    /* nothing to clear */
  }
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
