/** Bundle files Quay adds to its trust store: `extra_ca_certs/*` and the flattened `extra_ca_cert_*`. */
export function isExtraCaFile(name: string): boolean {
  return name.startsWith('extra_ca_certs/') || /^extra_ca_cert_[^/]+$/.test(name);
}

/**
 * The PEM certificate blocks of every extra CA file (private keys and garbage are left out).
 * `files` is a bundle's files by path (`BundleFiles`), typed structurally: lib/certs sits below
 * lib/bundle, which uses it.
 */
export function extraCaPems(files: ReadonlyMap<string, Uint8Array>): string[] {
  const pems: string[] = [];
  for (const [name, bytes] of files) {
    if (!isExtraCaFile(name)) continue;
    pems.push(...pemCertificates(Buffer.from(bytes).toString('latin1')));
  }
  return pems;
}

/** Splits a text into its `CERTIFICATE` PEM blocks. */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
