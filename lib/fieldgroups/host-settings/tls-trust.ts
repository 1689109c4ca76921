import { X509Certificate } from 'node:crypto';
import { buildChain, systemRoots } from '../../certs/chain';
import { extraCaPems } from '../../certs/trust';
import type { CertificateInfo } from '../../certs/x509';
import { warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { BundleFiles } from '../../bundle/types';

const CERT = 'ssl.cert';
const WHY = "clients (docker/podman: /etc/containers/certs.d/<host>/ca.crt) and Quay's own workers, which call the registry by SERVER_HOSTNAME, must trust it";

/**
 * Whether the server certificate chains to something clients trust: a CA in `extra_ca_certs/`
 * (which Quay installs into its trust store) or a public root. Problems are warnings: the registry
 * starts, but pulls fail on every client that was not told about the CA.
 */
export function chainFindings(leaf: CertificateInfo, rest: CertificateInfo[], files: BundleFiles): Finding[] {
  const intermediates = rest.map((c) => c.x509);
  const bundle = bundleCas(files);
  let chain = buildChain(leaf.x509, intermediates, bundle);
  // The ~140 system roots cost ~15 ms to parse: only when the bundle's CAs do not make it trusted (same verdict).
  if (chain.status !== 'trusted') chain = buildChain(leaf.x509, intermediates, [...bundle, ...systemRoots()]);
  const top = chain.path[chain.path.length - 1];
  const topName = top ? top.subject.split('\n').filter(Boolean).join(', ') : '';
  switch (chain.status) {
    case 'trusted':
      return [];
    case 'self-signed':
      return [
        warning(CERT, 'ssl.cert is self-signed and not in extra_ca_certs/', {
          code: 'ssl-cert-self-signed',
          hint: `put a copy of it (or better, of a CA that signs it) into extra_ca_certs/: ${WHY}`,
        }),
      ];
    case 'untrusted-root':
      return [
        warning(CERT, `the root CA of ssl.cert (${topName}) is carried in ssl.cert but is neither in extra_ca_certs/ nor a public root`, {
          code: 'ssl-ca-not-trusted',
          hint: `add that CA to extra_ca_certs/: ${WHY}`,
        }),
      ];
    case 'incomplete':
      return [
        warning(CERT, `the issuer of ${chain.path.length > 1 ? `"${topName}"` : 'ssl.cert'} (${chain.missingIssuer ?? 'unknown'}) is neither in ssl.cert nor in extra_ca_certs/`, {
          code: 'ssl-chain-incomplete',
          hint: `append the intermediate certificates to ssl.cert and put the root CA into extra_ca_certs/: ${WHY}`,
        }),
      ];
  }
}

function bundleCas(files: BundleFiles): X509Certificate[] {
  return extraCaPems(files).flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });
}
