import { children, decodeOid, readTlv, TAG, type Tlv } from './der';
import { ipFromBytes } from './ip';

/** RFC 5280 keyUsage bits, in bit order. */
export const KEY_USAGES = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];

/** Extended key usage OIDs worth naming. */
export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  any: '2.5.29.37.0',
} as const;

/** The X.509v3 extensions the checks need, read from the certificate's DER. */
export interface CertificateExtensions {
  /** True when the certificate has a subjectAltName extension at all. */
  hasSubjectAltName: boolean;
  dnsNames: string[];
  /** Canonical text (`127.0.0.1`, `::1`). */
  ipAddresses: string[];
  /** Undefined when the extension is absent (then every usage is allowed). */
  keyUsage?: KeyUsage[];
  /** Extended key usage OIDs; undefined when the extension is absent. */
  extKeyUsage?: string[];
  /** basicConstraints cA; undefined when the extension is absent. */
  basicConstraintsCA?: boolean;
}

const OID = {
  subjectAltName: '2.5.29.17',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
} as const;

const CONTEXT = 2;
const latin1 = new TextDecoder('latin1');

/** Reads SANs, key usage, extended key usage and basic constraints. Malformed parts read as absent. */
export function readExtensions(der: Uint8Array): CertificateExtensions {
  const out: CertificateExtensions = { hasSubjectAltName: false, dnsNames: [], ipAddresses: [] };
  for (const ext of extensionList(der)) {
    const value = readTlv(ext.value)?.tlv;
    if (!value) continue;
    if (ext.oid === OID.subjectAltName) readSubjectAltName(value, out);
    else if (ext.oid === OID.keyUsage) out.keyUsage = readKeyUsage(value);
    else if (ext.oid === OID.extKeyUsage) {
      out.extKeyUsage = children(value.content)
        .filter((t) => t.tag === TAG.OID)
        .map((t) => decodeOid(t.content));
    } else if (ext.oid === OID.basicConstraints) {
      const first = children(value.content)[0];
      out.basicConstraintsCA = first?.tagClass === 0 && first.tag === TAG.BOOLEAN && (first.content[0] ?? 0) !== 0;
    }
  }
  return out;
}

interface RawExtension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

/** Certificate → tbsCertificate → [3] → SEQUENCE OF Extension. */
function extensionList(der: Uint8Array): RawExtension[] {
  const cert = readTlv(der)?.tlv;
  const tbs = cert ? children(cert.content)[0] : undefined;
  if (!tbs) return [];
  const wrapper = children(tbs.content).find((t) => t.tagClass === CONTEXT && t.tag === 3);
  const seq = wrapper ? children(wrapper.content)[0] : undefined;
  if (!seq) return [];
  const list: RawExtension[] = [];
  for (const ext of children(seq.content)) {
    const parts = children(ext.content);
    const oid = parts[0];
    const octets = parts.find((p) => p.tagClass === 0 && p.tag === TAG.OCTET_STRING);
    if (!oid || oid.tag !== TAG.OID || !octets) continue;
    const crit = parts.find((p) => p.tagClass === 0 && p.tag === TAG.BOOLEAN);
    list.push({ oid: decodeOid(oid.content), critical: (crit?.content[0] ?? 0) !== 0, value: octets.content });
  }
  return list;
}

function readSubjectAltName(value: Tlv, out: CertificateExtensions): void {
  out.hasSubjectAltName = true;
  for (const name of children(value.content)) {
    if (name.tagClass !== CONTEXT) continue;
    if (name.tag === 2) out.dnsNames.push(latin1.decode(name.content));
    if (name.tag === 7) {
      const ip = ipFromBytes(name.content);
      if (ip) out.ipAddresses.push(ip);
    }
  }
}

function readKeyUsage(value: Tlv): KeyUsage[] {
  if (value.tag !== TAG.BIT_STRING) return [];
  const bits = value.content.subarray(1); // first byte: number of unused bits
  return KEY_USAGES.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}
