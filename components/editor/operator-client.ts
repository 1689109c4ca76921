/**
 * "Reconfigure Quay" (config-tool's operator hand-off): `POST /api/v1/config/operator` with the
 * bundle and the field groups the operator manages, as a JSON array — config-tool's UI sent a
 * JavaScript Set, which JSON turns into `{}`, so its button always failed (quay-config-tool.md §2.2).
 */
import type { BundleJson } from '@/lib/api/contract';
import { ApiError, apiFetch } from './api-client';

/** How the hand-off ended: the HTTP status and the message to show (the operator's answer, or why it failed). */
export interface OperatorOutcome {
  ok: boolean;
  status: number;
  message: string;
}

/** The `{"error": "…"}` of a failure, or the answer's text (the operator's status and body are passed through). */
function messageOf(text: string, status: number): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'error' in parsed && typeof parsed.error === 'string') return parsed.error;
  } catch {
    /* not JSON: the text itself */
  }
  return text.trim().slice(0, 500) || (status >= 400 ? `HTTP ${status} without a message` : '');
}

/**
 * Sends the bundle to the operator through the server. A 401 may be the operator's own answer
 * (passed through), so the session is checked before sending the user to the login page.
 */
export async function sendToOperator(bundle: BundleJson, managedFieldGroups: readonly string[]): Promise<OperatorOutcome> {
  const body = JSON.stringify({ 'config.yaml': bundle['config.yaml'], certs: bundle.certs, managedFieldGroups: [...managedFieldGroups] });
  let res: Response;
  try {
    res = await fetch('/api/v1/config/operator', { method: 'POST', credentials: 'same-origin', cache: 'no-store', headers: { 'content-type': 'application/json' }, body });
  } catch {
    throw new ApiError(0, 'The quay-config server did not answer. Is it still running? Your changes are kept in this browser.');
  }
  const text = await res.text().catch(() => '');
  // Throws (and goes to the login page) when it is our session that ended.
  if (res.status === 401) await apiFetch('/api/v2/config');
  return { ok: res.ok, status: res.status, message: messageOf(text, res.status) };
}
