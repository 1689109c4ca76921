import { flag } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup } from './define';
import { checkPositiveInt } from './value-checks';

/**
 * A host name or IP with an optional port, as the mirroring worker connects to it: RFC 1123 labels
 * (config-tool's `^[a-zA-Z-0-9\.]+(:[0-9]+)?$` let `-.` and `..` through), or a bracketed IPv6.
 */
const HOST_PORT = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}))?$/;

/** Whether `value` is `host[:port]` with a port in 1–65535. */
export function isHostPort(value: string): boolean {
  const m = HOST_PORT.exec(value);
  if (!m) return false;
  const port = m[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

/** Repository mirroring: the worker's schedule, the registry it pushes to and its TLS policy. */
export const repoMirror = defineFieldGroup({
  id: 'RepoMirror',
  title: 'Repository mirroring',
  keys: ['FEATURE_REPO_MIRROR', 'REPO_MIRROR_INTERVAL', 'REPO_MIRROR_SERVER_HOSTNAME', 'REPO_MIRROR_TLS_VERIFY', 'REPO_MIRROR_ROLLBACK'],
  skipReason: ({ config }) => (flag(config, 'FEATURE_REPO_MIRROR', false) ? null : 'FEATURE_REPO_MIRROR is off'),
  rules: ({ config }) => {
    const findings: Finding[] = [...checkPositiveInt(config, 'REPO_MIRROR_INTERVAL', 'REPO_MIRROR_INTERVAL')];
    const host = config.REPO_MIRROR_SERVER_HOSTNAME;
    // null or "" means unset: the worker then pushes to SERVER_HOSTNAME.
    if (typeof host === 'string' && host.trim() !== '' && !isHostPort(host.trim())) {
      findings.push(
        error('REPO_MIRROR_SERVER_HOSTNAME', `REPO_MIRROR_SERVER_HOSTNAME must be a host name with an optional port (host[:port]), got "${host}"`, {
          code: 'invalid-hostname',
          hint: 'no scheme and no path, e.g. quay-internal.example.com:8443',
        }),
      );
    }
    if (config.REPO_MIRROR_TLS_VERIFY === false) {
      findings.push(
        warning('REPO_MIRROR_TLS_VERIFY', 'REPO_MIRROR_TLS_VERIFY is false: the mirroring worker does not verify the registry certificate', {
          code: 'tls-verify-disabled',
          hint: 'add the registry CA to extra_ca_certs/ and turn verification back on',
        }),
      );
    }
    return findings;
  },
});
