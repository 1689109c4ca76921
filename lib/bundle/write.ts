import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Header, Pax } from 'tar';
import { renderConfigYaml } from '../config/edit';
import { loadConfigYaml } from '../config/load';
import { checkEntryName, EntryNameError, EXTRA_CA_DIR, placementOf } from './entry-names';
import { holdsPrivateKey } from '../certs/private-key';
import { BundleError, type Bundle } from './types';

export { bundleToJson } from './json';

/** The Quay container's user: a root `tar -x` still leaves files Quay can read. */
export const BUNDLE_UID = 1001;
export const BUNDLE_GID = 0;

const gzipAsync = promisify(gzip);

export interface WriteOptions {
  /** Modification time of every entry (default: now). */
  mtime?: Date;
}

/** One member of the written archive, in order. */
export interface ArchiveMember {
  name: string;
  type: 'File' | 'Directory';
  mode: number;
  data: Buffer;
}

/**
 * Writes `quay-config.tar.gz`: config.yaml first (an unedited config byte for byte, an edited one
 * with the administrator's comments and layout kept), then ssl.cert, ssl.key, the other top-level
 * files and extra_ca_certs/ with its files, each group sorted. config.yaml and private keys are
 * 0600, other files 0644, the directory 0755, all owned by 1001:0, so unpacking into /conf/stack gives a working Quay.
 */
export async function writeBundleArchive(bundle: Bundle, options: WriteOptions = {}): Promise<Buffer> {
  const mtime = options.mtime ?? new Date();
  const blocks: Buffer[] = [];
  for (const member of archiveMembers(bundle)) {
    const header = { path: member.name, mode: member.mode, uid: BUNDLE_UID, gid: BUNDLE_GID, size: member.data.length, mtime, type: member.type };
    const block = Buffer.alloc(512);
    // Names up to 255 bytes fit ustar's name+prefix fields, unless no '/' splits them: then a pax header.
    if (new Header(header).encode(block)) blocks.push(new Pax(header).encode());
    blocks.push(block, member.data, Buffer.alloc((512 - (member.data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipAsync(Buffer.concat(blocks), { level: 9 });
}

/** The members of the archive in their order, with their modes; exported for tests and previews. */
export function archiveMembers(bundle: Bundle): ArchiveMember[] {
  const top: string[] = [];
  const extra: string[] = [];
  for (const raw of bundle.files.keys()) {
    const name = checkedName(raw);
    if (name === 'config.yaml') throw new BundleError('config.yaml cannot be one of the bundle files: it is written from the config', raw);
    (name.startsWith(`${EXTRA_CA_DIR}/`) ? extra : top).push(raw);
  }
  const rank = (n: string) => ['ssl.cert', 'ssl.key'].indexOf(n) >>> 0; // others rank last, by name
  top.sort((a, b) => rank(a) - rank(b) || compare(a, b));
  extra.sort(compare);
  const file = (name: string): ArchiveMember => {
    const data = Buffer.from(bundle.files.get(name) ?? []);
    return { name, type: 'File', mode: isPrivateKey(name, data) ? 0o600 : 0o644, data };
  };
  return [
    // config.yaml holds the database password, SECRET_KEY and the other secrets: owner-only too.
    { name: 'config.yaml', type: 'File', mode: 0o600, data: Buffer.from(configYaml(bundle), 'utf8') },
    ...top.map(file),
    ...(extra.length ? [{ name: `${EXTRA_CA_DIR}/`, type: 'Directory' as const, mode: 0o755, data: Buffer.alloc(0) }] : []),
    ...extra.map(file),
  ];
}

/**
 * A private key, by name (`ssl.key`, `*.key`, `*-signing-key.pem`, `security_scanner.pem`,
 * `*private*`) or by content (PEM `… PRIVATE KEY` blocks, PGP private keys included; DER keys and
 * PKCS#12 stores).
 */
export function isPrivateKey(name: string, data: Uint8Array): boolean {
  const base = name.split('/').pop() ?? name;
  if (/\.key$|-signing-key\.pem$|^security_scanner\.pem$|private/i.test(base)) return true;
  return holdsPrivateKey(data);
}

function configYaml(bundle: Bundle): string {
  const text = bundle.configText;
  if (text === null) return renderConfigYaml(null, bundle.config);
  let doc = bundle.doc;
  if (!doc) {
    const loaded = loadConfigYaml(text);
    doc = loaded.ok ? loaded.doc : null;
  }
  return renderConfigYaml(doc ? { text, doc } : null, bundle.config);
}

/** Bundle files may come from code as well as from uploads: the same name rules apply on the way out. */
function checkedName(raw: string): string {
  try {
    const entry = checkEntryName(raw);
    const placement = placementOf(entry, 'file');
    if (entry.name !== raw || (placement !== 'top' && placement !== 'extra-ca' && placement !== 'config')) {
      throw new EntryNameError('only top-level files and extra_ca_certs/<file> can be written to a bundle');
    }
    return entry.name;
  } catch (e) {
    if (e instanceof EntryNameError) throw new BundleError(`bundle file ${JSON.stringify(raw)}: ${e.message}`, raw);
    throw e;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
