/**
 * A streaming tar reader over bytes in memory (ustar, pax and GNU long names), written for hostile
 * input: names stay raw bytes (the caller checks them), every size is checked before anything is
 * buffered, nothing touches the file system, and any inconsistency is an error, never a guess.
 */
import { MAX_TAR_META_BYTES } from './limits';
import { cString, isTarHeader, parseNumber, parsePax, TarFormatError, type PaxOverrides } from './tar-fields';

export { isTarHeader, TarFormatError } from './tar-fields';

export type TarEntryKind = 'file' | 'dir' | 'hardlink' | 'symlink' | 'char-device' | 'block-device' | 'fifo' | 'other';

export interface TarEntry {
  /** Raw name bytes, after pax `path` / GNU long-name overrides. */
  name: Buffer;
  kind: TarEntryKind;
  typeFlag: string;
  size: number;
  linkName: Buffer;
  /** Offset of the entry's header in the tar stream. */
  offset: number;
}

export interface TarHandler {
  /** Called once per entry; return true to receive its contents. May throw to stop reading. */
  onEntry(entry: TarEntry): boolean;
  /** The complete contents of an entry whose onEntry returned true. */
  onData(entry: TarEntry, data: Buffer): void;
}

const BLOCK = 512;
const KINDS: Record<string, TarEntryKind> = { '0': 'file', '\0': 'file', '7': 'file', '5': 'dir', '1': 'hardlink', '2': 'symlink', '3': 'char-device', '4': 'block-device', '6': 'fifo' };
const META_TYPES = new Set(['x', 'g', 'L', 'K']);
/** A pax header or long name must describe the entry that follows; a run of them is malformed. */
const MAX_META_RUN = 4;

type State =
  { kind: 'header' } | { kind: 'body'; entry: TarEntry; meta: string | null; remaining: number; data: Buffer | null; filled: number } | { kind: 'padding'; remaining: number } | { kind: 'done' };

/** Reads a tar stream pushed in chunks of any size. */
export class TarReader {
  #state: State = { kind: 'header' };
  readonly #header = Buffer.alloc(BLOCK);
  #headerFill = 0;
  #offset = 0;
  #pending: PaxOverrides = {};
  #metaRun = 0;

  constructor(private readonly handler: TarHandler) {}

  /** Feeds bytes; returns true once the end-of-archive marker has been read (the rest is ignored). */
  push(chunk: Buffer): boolean {
    let at = 0;
    while (at < chunk.length && this.#state.kind !== 'done') {
      const state = this.#state;
      if (state.kind === 'header') {
        const n = Math.min(BLOCK - this.#headerFill, chunk.length - at);
        chunk.copy(this.#header, this.#headerFill, at, at + n);
        this.#headerFill += n;
        at += n;
        if (this.#headerFill === BLOCK) {
          this.#headerFill = 0;
          this.readHeader(this.#header);
          this.#offset += BLOCK;
        }
      } else if (state.kind === 'body') {
        const n = Math.min(state.remaining, chunk.length - at);
        if (state.data) chunk.copy(state.data, state.filled, at, at + n);
        state.filled += n;
        state.remaining -= n;
        at += n;
        this.#offset += n;
        if (state.remaining === 0) this.endBody(state);
      } else if (state.kind === 'padding') {
        const n = Math.min(state.remaining, chunk.length - at);
        state.remaining -= n;
        at += n;
        this.#offset += n;
        if (state.remaining === 0) this.#state = { kind: 'header' };
      }
    }
    return this.#state.kind === 'done';
  }

  /**
   * The stream ended. An archive may lack the end-of-archive marker (some writers never add it),
   * but ending inside a header or an entry's contents means it was truncated.
   */
  end(): void {
    const state = this.#state;
    if (state.kind === 'body') {
      throw new TarFormatError(`the archive is truncated: the entry needs ${state.remaining} more bytes`, state.entry.name);
    }
    if (state.kind === 'header' && this.#headerFill > 0) {
      throw new TarFormatError(this.#offset === 0 ? 'not a tar archive' : 'the archive is truncated in the middle of an entry header');
    }
    if (state.kind === 'header' && this.#metaRun > 0) throw new TarFormatError('the archive is truncated after an extended header', this.#pending.name);
  }

  private readHeader(block: Buffer): void {
    if (block.every((b) => b === 0)) {
      this.#state = { kind: 'done' };
      return;
    }
    const rawName = cString(block, 0, 100);
    if (!isTarHeader(block)) {
      throw new TarFormatError(this.#offset === 0 ? 'not a tar archive' : `corrupt tar header at byte ${this.#offset} (checksum mismatch)`, this.#offset === 0 ? undefined : rawName);
    }
    const typeFlag = String.fromCharCode(block[156] ?? 0);
    let name = rawName;
    // POSIX ustar keeps a name prefix at 345; GNU tar ("ustar  ") uses those bytes for other fields.
    if (block.toString('latin1', 257, 263) === 'ustar\0') {
      const prefix = cString(block, 345, 155);
      if (prefix.length > 0) name = Buffer.concat([prefix, Buffer.from('/'), name]);
    }
    const size = META_TYPES.has(typeFlag) || KINDS[typeFlag] === 'file' ? (this.#pending.size ?? parseNumber(block, 124, 12, name)) : 0;
    const isMeta = META_TYPES.has(typeFlag);
    const entry: TarEntry = {
      name: isMeta ? name : (this.#pending.name ?? name),
      kind: KINDS[typeFlag] ?? 'other',
      typeFlag,
      size: isMeta ? parseNumber(block, 124, 12, name) : size,
      linkName: this.#pending.linkName ?? cString(block, 157, 100),
      offset: this.#offset,
    };
    // Old tars mark directories as files whose name ends with a slash.
    if (entry.kind === 'file' && entry.name.at(-1) === 0x2f && typeFlag !== '7') {
      entry.kind = 'dir';
      entry.size = 0;
    }
    if (isMeta) {
      if (++this.#metaRun > MAX_META_RUN) throw new TarFormatError('too many extended headers in a row', name);
      if (entry.size > MAX_TAR_META_BYTES) throw new TarFormatError(`extended header of ${entry.size} bytes, over the ${MAX_TAR_META_BYTES}-byte limit`, name);
      this.startBody(entry, typeFlag, true);
      return;
    }
    this.#pending = {};
    this.#metaRun = 0;
    const wanted = this.handler.onEntry(entry);
    this.startBody(entry, null, wanted);
  }

  private startBody(entry: TarEntry, meta: string | null, collect: boolean): void {
    if (entry.size === 0) {
      this.endBody({ kind: 'body', entry, meta, remaining: 0, data: collect ? Buffer.alloc(0) : null, filled: 0 });
      return;
    }
    this.#state = { kind: 'body', entry, meta, remaining: entry.size, data: collect ? Buffer.allocUnsafe(entry.size) : null, filled: 0 };
  }

  private endBody(state: Extract<State, { kind: 'body' }>): void {
    const { entry, meta, data } = state;
    if (meta !== null && data) this.applyMeta(meta, data, entry);
    else if (data) this.handler.onData(entry, data);
    const pad = (BLOCK - (entry.size % BLOCK)) % BLOCK;
    this.#state = pad > 0 ? { kind: 'padding', remaining: pad } : { kind: 'header' };
  }

  private applyMeta(type: string, body: Buffer, entry: TarEntry): void {
    if (type === 'L') this.#pending.name = cString(body, 0, body.length);
    else if (type === 'K') this.#pending.linkName = cString(body, 0, body.length);
    else if (type === 'x') Object.assign(this.#pending, parsePax(body, entry.name));
    // 'g' (global pax header) carries defaults such as a comment or mtime: nothing a bundle needs.
  }
}
