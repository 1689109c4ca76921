import { randomBytes } from 'node:crypto';
import { error } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { serviceWords } from './http';
import { networkFinding } from './net';

/**
 * Small shared pieces of the storage and Elasticsearch probes: knowing which rung a request
 * reached, naming the probe object, and turning a thrown request into a finding.
 */

/** A probe context whose current rung can be read back (for connection-error findings). */
export interface TrackedContext {
  ctx: ProbeContext;
  stage(): Stage;
}

/** Wraps a context so the last rung entered is remembered (the pipeline's `enter` is write-only). */
export function trackStages(ctx: ProbeContext): TrackedContext {
  let current: Stage = 'config';
  return {
    ctx: {
      ...ctx,
      enter(s) {
        current = s;
        ctx.enter(s);
      },
    },
    stage: () => current,
  };
}

/** `quay-config-probe-<random>`: unique, so concurrent validations never touch each other's object. */
export function probeObjectName(): string {
  return `quay-config-probe-${randomBytes(8).toString('hex')}`;
}

/** The probe object's content: small, recognisable, and different every time (read-back check). */
export function probeObjectBody(): string {
  return `quay-config storage probe ${new Date().toISOString()} ${randomBytes(8).toString('hex')}\n`;
}

/**
 * Python's `os.path.join(storage_path, name)` without the leading `/`, which is how Quay's cloud
 * drivers build object keys (storage/cloud.py `_init_path`, swift.py, azurestorage.py).
 */
export function joinStoragePath(storagePath: string, name: string): string {
  const joined = name.startsWith('/') || storagePath === '' ? name : storagePath.endsWith('/') ? storagePath + name : `${storagePath}/${name}`;
  return joined.replace(/^\/+/, '');
}

/** A connection-level failure (DNS, TCP, TLS, timeout) as a finding at the rung that was reached. */
export function connectionFinding(e: unknown, fields: string[], target: string, tracked: TrackedContext): Finding {
  return networkFinding(e, fields, target, tracked.ctx, tracked.stage());
}

/** An HTTP answer no rule explains: report status and the server's own words, trimmed. */
export function unexpectedStatus(fields: string[], what: string, status: number, detail: string, stage: Stage = 'semantic'): Finding {
  const words = serviceWords(detail);
  return error(fields, `${what}: unexpected HTTP ${status}${words ? ` (${words})` : ''}`, { code: 'unexpected-response', stage });
}
