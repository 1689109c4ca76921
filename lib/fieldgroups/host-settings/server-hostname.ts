import { atLeast, DEFAULT_RELEASE, releaseName, type QuayRelease } from '../../schema/releases';
import { error, required, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import { hostnameSyntax, type ServerHostname } from './hostname-syntax';

export { parseServerHostname, type ServerHostname } from './hostname-syntax';

const KEY = 'SERVER_HOSTNAME';

/** The first release whose boot validator refuses a single-label SERVER_HOSTNAME. */
export const SINGLE_LABEL_REFUSED_SINCE = '3.18';

/**
 * SERVER_HOSTNAME rules: required, `host[:port]` syntax (no scheme, path or spaces), no
 * single-label names other than `localhost`, and a warning for `quay.io`.
 */
export function serverHostnameFindings(value: unknown, release: QuayRelease = DEFAULT_RELEASE): { findings: Finding[]; parsed?: ServerHostname } {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { findings: [required(KEY, '(the name clients use to reach the registry; Quay builds every URL from it)')] };
  }
  if (typeof value !== 'string') return { findings: [] }; // the Schema check reports the type
  const syntax = hostnameSyntax(value);
  const parsed = syntax.parsed;
  if (!parsed) return syntax;
  const findings: Finding[] = [];
  if (parsed.kind === 'dns' && !parsed.host.includes('.') && parsed.host.toLowerCase() !== 'localhost') {
    // config-tool's ValidateIsHostname refuses single-label names (port or not, localhost aside) from
    // Quay 3.18 on (config-tool commit 7e65309d0, PROJQUAY-11314); before, Quay boots with them.
    const refused = atLeast(release, SINGLE_LABEL_REFUSED_SINCE);
    findings.push(
      (refused ? error : warning)(KEY, `SERVER_HOSTNAME "${parsed.host}" is a single-label name${refused ? `, which ${releaseName(release)} refuses at start` : ''}`, {
        code: 'hostname-single-label',
        hint: refused
          ? 'use the fully qualified name (e.g. quay.example.com)'
          : `use the fully qualified name (e.g. quay.example.com): clients resolve single-label names inconsistently, and Quay refuses them from ${SINGLE_LABEL_REFUSED_SINCE} on`,
      }),
    );
  }
  if (/quay\.io/i.test(parsed.host)) {
    findings.push(
      warning(KEY, `SERVER_HOSTNAME "${parsed.host}" contains quay.io, the public Quay service's name (and the schema's example value)`, {
        code: 'hostname-quay-io',
        hint: 'set the name under which YOUR registry is reached',
      }),
    );
  }
  return { findings, parsed };
}
