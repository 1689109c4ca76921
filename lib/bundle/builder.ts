import { loadConfigYaml } from '../config/load';
import { tooManyValues } from '../config/value-budget';
import { warning } from '../report/findings';
import type { Finding } from '../report/types';
import { checkEntryName, displayName, EntryNameError, EXTRA_CA_DIR, isDesktopLitter, placementOf, type EntryName } from './entry-names';
import { MAX_CONFIG_YAML_BYTES, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_UNCOMPRESSED_BYTES } from './limits';
import { BundleError, BundleTooLargeError, type Bundle } from './types';

export type EntryKind = 'file' | 'dir';

export interface BuilderOptions {
  /** Prefix of every message (the path given on the command line); empty for uploads. */
  label?: string;
  /** How messages name an entry: `entry "ssl.cert"` by default, `certs.ssl.cert` for JSON bodies. */
  describe?: (shown: string) => string;
  /** JSON bodies: an entry outside the bundle layout is an error instead of a warning. */
  strict?: boolean;
}

/**
 * Collects the entries of a bundle, whatever it comes from (tar stream, directory, JSON body), and
 * applies the rules they share: names, duplicates, file/directory clashes, the layout Quay reads
 * (config.yaml, top-level files, extra_ca_certs/*) and the size and count limits.
 */
export class BundleBuilder {
  readonly #files = new Map<string, Buffer>();
  #config: Buffer | null = null;
  readonly #seen = new Map<string, { kind: EntryKind; shown: string }>();
  readonly #fileNames = new Set<string>();
  readonly #dirNames = new Set<string>();
  readonly #leftOut = new Map<string, string[]>();
  #entries = 0;
  #bytes = 0;

  constructor(private readonly options: BuilderOptions = {}) {}

  /** An error about one entry, naming it (escaped, so a hostile name cannot garble the message). */
  entryError(raw: Uint8Array | string, reason: string, tooLarge = false): BundleError {
    const shown = displayName(raw);
    const who = this.options.describe ? this.options.describe(shown) : `entry ${shown}`;
    const Kind = tooLarge ? BundleTooLargeError : BundleError;
    return new Kind(this.prefix(`${who}: ${reason}`), entryLabel(raw, shown));
  }

  /** An error about the bundle as a whole; `tooLarge` for a size or count limit. */
  bundleError(reason: string, entry?: string, tooLarge = false): BundleError {
    return new (tooLarge ? BundleTooLargeError : BundleError)(this.prefix(reason), entry);
  }

  /** Checks and normalises an entry name, or throws a BundleError naming it. */
  checkName(raw: Uint8Array | string): EntryName {
    try {
      return checkEntryName(raw);
    } catch (e) {
      if (e instanceof EntryNameError) throw this.entryError(raw, e.message);
      throw e;
    }
  }

  /**
   * Registers an entry of `size` bytes. Returns the name to store its contents under, or null when
   * they are not wanted (directories, entries left out of the bundle). Throws on any rule broken.
   */
  admit(raw: Uint8Array | string, entry: EntryName, kind: EntryKind, size: number): string | null {
    if (++this.#entries > MAX_ENTRIES) throw this.bundleError(`has more than ${MAX_ENTRIES} entries (the limit)`, undefined, true);
    const { name, parts } = entry;
    if (parts.length === 0) {
      if (kind === 'dir') return null; // "./", the bundle directory itself
      throw this.entryError(raw, 'a file without a name');
    }
    const previous = this.#seen.get(name);
    if (previous && !(previous.kind === 'dir' && kind === 'dir')) {
      throw this.entryError(raw, `appears twice in the bundle (first as ${previous.shown})`);
    }
    if (previous) return null;
    this.#seen.set(name, { kind, shown: displayName(raw) });
    if (parts[0] === 'config.yaml' && (kind === 'dir' || parts.length > 1)) {
      throw this.entryError(raw, 'config.yaml must be a regular file, not a directory');
    }
    this.checkFileDirClash(raw, entry, kind);

    const placement = placementOf(entry, kind);
    if (placement === 'extra-ca-dir') return null;
    if (placement === 'outside' || isDesktopLitter(entry)) {
      if (this.options.strict) throw this.entryError(raw, 'only top-level files and extra_ca_certs/<file> can be in a bundle');
      this.leaveOut(entry, kind);
      return null;
    }
    const max = placement === 'config' ? MAX_CONFIG_YAML_BYTES : MAX_ENTRY_BYTES;
    if (size > max) {
      throw this.entryError(raw, `is ${formatBytes(size)}, over the ${formatBytes(max)} limit for ${placement === 'config' ? 'config.yaml' : 'one file'}`, true);
    }
    this.#bytes += size;
    if (this.#bytes > MAX_TOTAL_UNCOMPRESSED_BYTES) {
      throw this.bundleError(`files add up to more than the ${formatBytes(MAX_TOTAL_UNCOMPRESSED_BYTES)} limit`, name, true);
    }
    return name;
  }

  /** Keeps the contents of an admitted entry. */
  store(name: string, data: Buffer): void {
    if (name === 'config.yaml') this.#config = data;
    else this.#files.set(name, data);
  }

  /** The files and the findings about left-out entries, for bundles whose config is not YAML. */
  files(): { files: Map<string, Buffer>; findings: Finding[] } {
    const findings = [...this.#leftOut].map(([group, names]) => leftOutFinding(group, names));
    return { files: this.#files, findings };
  }

  /** The bundle: config.yaml is required and loaded the way Quay loads it. */
  build(): Bundle {
    if (!this.#config) throw this.bundleError(this.missingConfig(), 'config.yaml');
    const tooBig = tooManyValues(this.#config, 'config.yaml');
    if (tooBig) throw this.bundleError(tooBig, 'config.yaml', true);
    const loaded = loadConfigYaml(this.#config, 'config.yaml');
    if (!loaded.ok) throw this.bundleError(loaded.error, 'config.yaml');
    // Kept with its byte order mark, if any, so that an unedited config is written back byte for byte.
    const configText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(this.#config);
    const { files, findings } = this.files();
    return { config: loaded.config, configText, doc: loaded.doc, files, findings: [...loaded.findings, ...findings] };
  }

  private checkFileDirClash(raw: Uint8Array | string, entry: EntryName, kind: EntryKind): void {
    const ancestors = entry.parts.slice(0, -1).map((_, i) => entry.parts.slice(0, i + 1).join('/'));
    const clash = ancestors.find((a) => this.#fileNames.has(a)) ?? (kind === 'file' && this.#dirNames.has(entry.name) ? entry.name : undefined);
    if (clash !== undefined) throw this.entryError(raw, `${displayName(clash)} is both a file and a directory`);
    for (const a of ancestors) this.#dirNames.add(a);
    (kind === 'dir' ? this.#dirNames : this.#fileNames).add(entry.name);
  }

  /** Left-out entries are grouped by the directory that is not part of the bundle, e.g. `docs/`. */
  private leaveOut(entry: EntryName, kind: EntryKind): void {
    const depth = entry.parts[0] === EXTRA_CA_DIR ? 2 : 1;
    const isGroupItself = entry.parts.length === depth;
    const group = isGroupItself && kind === 'file' ? entry.name : `${entry.parts.slice(0, depth).join('/')}/`;
    const names = this.#leftOut.get(group) ?? [];
    if (!isGroupItself) names.push(kind === 'dir' ? `${entry.name}/` : entry.name);
    this.#leftOut.set(group, names);
  }

  private missingConfig(): string {
    const names = [...this.#seen.keys()].sort();
    if (names.length === 0) return 'config.yaml is missing: the bundle is empty';
    const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? `, and ${names.length - 10} more` : '');
    let message = `config.yaml is missing at the top of the bundle (found: ${shown})`;
    const nested = names.find((n) => n.endsWith('/config.yaml'));
    if (nested) {
      const dir = nested.slice(0, -'/config.yaml'.length);
      message += `; ${nested} suggests the archive was made from the directory above the bundle: create it with \`tar -C ${dir} -czf quay-config.tar.gz .\``;
    }
    return message;
  }

  private prefix(message: string): string {
    return this.options.label ? `${this.options.label}: ${message}` : message;
  }
}

function leftOutFinding(group: string, names: string[]): Finding {
  const base = group.replace(/\/$/, '').split('/').pop() ?? '';
  const what = base === '.DS_Store' || base.startsWith('._') || base === '__MACOSX' ? ' (macOS archive metadata)' : '';
  const inside = names.length ? ` and ${names.length} ${names.length === 1 ? 'entry' : 'entries'} in it (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})` : '';
  return warning([], `${displayName(group)}${inside}${what} kept out of the bundle`, {
    code: 'bundle-entry-left-out',
    hint: 'Quay reads only config.yaml, the other top-level files and extra_ca_certs/* from /conf/stack',
  });
}

/** The entry name for BundleError.entry: as given when it is text, else its escaped display form. */
function entryLabel(raw: Uint8Array | string, shown: string): string {
  if (typeof raw === 'string') return raw;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return shown;
  }
}

/** `20 MiB`, `1.5 MiB`, `512 bytes`. */
export function formatBytes(n: number): string {
  const MiB = 1024 * 1024;
  if (n < MiB) return `${n} bytes`;
  const v = n / MiB;
  return `${Number.isInteger(v) ? v : v.toFixed(1)} MiB`;
}
