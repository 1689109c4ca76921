import { flag } from '../../config/values';
import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import { defineFieldGroup, type RuleContext } from '../define';
import { serverHostnameFindings } from './server-hostname';
import { CERT, KEY, tlsFileFindings } from './tls-files';

/** Bundle files this group checks (the CACertificates group leaves them alone). */
export const HOST_TLS_FILES: readonly string[] = [CERT, KEY];

/**
 * Server name, URL scheme and Quay's own TLS material. Quay's nginx serves TLS whenever `ssl.key`
 * exists in /conf/stack (conf/init/nginx_conf_create.py), whatever the scheme says, so the files
 * are checked whenever they are present, and required when Quay itself must terminate https.
 */
export const hostSettings = defineFieldGroup({
  id: 'HostSettings',
  title: 'Server and TLS',
  keys: ['SERVER_HOSTNAME', 'PREFERRED_URL_SCHEME', 'EXTERNAL_TLS_TERMINATION'],
  skipReason: () => null,
  rules: (ctx) => rules(ctx),
});

function rules(ctx: RuleContext): Finding[] {
  const { config, files } = ctx;
  const host = serverHostnameFindings(config.SERVER_HOSTNAME, ctx.release);
  const findings = [...host.findings];
  const rawScheme = config.PREFERRED_URL_SCHEME;
  // Quay's DefaultConfig has PREFERRED_URL_SCHEME = "http".
  const scheme = rawScheme === undefined || rawScheme === null ? 'http' : rawScheme;
  if (typeof scheme === 'string' && scheme !== 'http' && scheme !== 'https') {
    findings.push(error('PREFERRED_URL_SCHEME', `PREFERRED_URL_SCHEME must be "http" or "https", not "${scheme}"`, { code: 'invalid-scheme' }));
  }
  const external = flag(config, 'EXTERNAL_TLS_TERMINATION', false);
  const hasCert = files.has(CERT);
  const hasKey = files.has(KEY);
  const tls = (strict: boolean) => tlsFileFindings({ files, now: ctx.now, strict, ...(host.parsed ? { hostname: host.parsed } : {}) });

  if (scheme === 'http') findings.push(...httpSchemeFindings(external, hasKey));
  if (scheme === 'https' && !external) {
    const why = 'PREFERRED_URL_SCHEME is https and EXTERNAL_TLS_TERMINATION is not true, so Quay terminates TLS itself';
    const hint = 'add the file to the bundle, or set EXTERNAL_TLS_TERMINATION: true if a load balancer terminates TLS';
    if (!hasCert) findings.push(error(CERT, `ssl.cert is required in the bundle: ${why}`, { code: 'required', hint }));
    if (!hasKey) findings.push(error(KEY, `ssl.key is required in the bundle: ${why} (without it nginx serves plain HTTP only)`, { code: 'required', hint }));
    findings.push(...tls(true));
    return findings;
  }
  if (!hasCert && !hasKey) return findings;
  if (external) {
    findings.push(
      warning([hasCert ? CERT : KEY, 'EXTERNAL_TLS_TERMINATION'], 'EXTERNAL_TLS_TERMINATION is true, but ssl.cert/ssl.key are in the bundle: clients never see this certificate', {
        code: 'ssl-cert-with-external-tls',
        hint: "Quay's nginx still serves TLS with them whenever ssl.key exists, so the load balancer must re-encrypt to Quay's https port; if it forwards plain HTTP, remove ssl.cert and ssl.key",
      }),
    );
  }
  if (hasKey && !hasCert) {
    findings.push(
      error(CERT, "ssl.key is in the bundle but ssl.cert is not: Quay's nginx enables TLS whenever ssl.key exists and then fails to start", {
        code: 'required',
        hint: 'add ssl.cert, or remove ssl.key',
      }),
    );
  } else if (hasCert && !hasKey) {
    findings.push(
      warning(CERT, "ssl.cert is in the bundle but ssl.key is not: Quay's nginx enables TLS only when ssl.key exists, so the certificate is unused", {
        code: 'ssl-cert-unused',
      }),
    );
  }
  findings.push(...tls(false));
  return findings;
}

function httpSchemeFindings(external: boolean, hasKey: boolean): Finding[] {
  if (external) {
    return [
      warning(['PREFERRED_URL_SCHEME', 'EXTERNAL_TLS_TERMINATION'], 'EXTERNAL_TLS_TERMINATION is true but PREFERRED_URL_SCHEME is http: Quay generates http:// URLs behind a TLS load balancer', {
        code: 'external-tls-needs-https',
        hint: "set PREFERRED_URL_SCHEME: https (Quay's config.py: it must be https when TLS is terminated externally)",
      }),
    ];
  }
  if (hasKey) {
    return [
      warning('PREFERRED_URL_SCHEME', 'PREFERRED_URL_SCHEME is http, but ssl.key is in the bundle: nginx serves https while Quay generates http:// URLs', {
        code: 'scheme-http-with-tls-files',
        hint: 'set PREFERRED_URL_SCHEME: https, or remove ssl.cert and ssl.key',
      }),
    ];
  }
  return [
    warning('PREFERRED_URL_SCHEME', 'PREFERRED_URL_SCHEME is http: passwords and tokens cross the network in clear, and clients need "insecure registry" settings; not for production', {
      code: 'http-not-for-production',
      hint: 'use https, with ssl.cert/ssl.key in the bundle or EXTERNAL_TLS_TERMINATION behind a TLS load balancer',
    }),
  ];
}
