import { rootCertificates } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { isSelfIssued } from './x509';

/**
 * Chain building for a leaf certificate: follow issuers through the intermediates a file carries
 * up to a trust anchor (a bundle CA or a system root), checking names and signatures at each step.
 */

export type ChainStatus =
  /** Reaches one of the anchors. */
  | 'trusted'
  /** The leaf is self-signed and not an anchor. */
  | 'self-signed'
  /** Reaches a self-signed root that is not an anchor. */
  | 'untrusted-root'
  /** An issuer is missing. */
  | 'incomplete';

export interface ChainResult {
  status: ChainStatus;
  /** Leaf first, then each issuer found (the anchor last when trusted). */
  path: X509Certificate[];
  /** Subject of the issuer that could not be found (status `incomplete`). */
  missingIssuer?: string;
}

/** `parent` issued `child`: names/key identifiers agree and `parent`'s key verifies the signature. */
export function isIssuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

const MAX_DEPTH = 10;

/** Builds the chain of `leaf` from `intermediates` (e.g. the rest of its file) to one of `anchors`. */
export function buildChain(leaf: X509Certificate, intermediates: X509Certificate[], anchors: X509Certificate[]): ChainResult {
  const anchorPrints = new Set(anchors.map((a) => a.fingerprint256));
  const path: X509Certificate[] = [leaf];
  const seen = new Set<string>([leaf.fingerprint256]);
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (anchorPrints.has(current.fingerprint256)) return { status: 'trusted', path };
    const anchor = anchors.find((a) => isIssuedBy(current, a));
    if (anchor) return { status: 'trusted', path: [...path, anchor] };
    if (isSelfIssued(current)) return { status: current === leaf ? 'self-signed' : 'untrusted-root', path };
    const next = intermediates.find((c) => !seen.has(c.fingerprint256) && isIssuedBy(current, c));
    if (!next) return { status: 'incomplete', path, missingIssuer: current.issuer.split('\n').filter(Boolean).join(', ') };
    path.push(next);
    seen.add(next.fingerprint256);
    current = next;
  }
  return { status: 'incomplete', path, missingIssuer: current.issuer.split('\n').filter(Boolean).join(', ') };
}

let systemRootsCache: X509Certificate[] | undefined;

/** Node's bundled Mozilla root store, parsed once: what public clients trust. */
export function systemRoots(): X509Certificate[] {
  if (!systemRootsCache) {
    systemRootsCache = rootCertificates.flatMap((pem) => {
      try {
        return [new X509Certificate(pem)];
      } catch {
        return [];
      }
    });
  }
  return systemRootsCache;
}
