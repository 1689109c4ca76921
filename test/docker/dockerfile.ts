import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One COPY instruction: where from (the build context or a stage), what, and where to. */
export interface CopyInstruction {
  stage: string;
  from: string | null;
  sources: string[];
  /** Absolute destination in the image. */
  dest: string;
  /** `./`, `dir/` or several sources: each source lands under dest by its own name. */
  intoDirectory: boolean;
  line: number;
}

/** A Dockerfile read as stages of instructions, with line continuations joined. */
export interface ParsedDockerfile {
  stages: Array<{ name: string; base: string; workdir: string }>;
  copies: CopyInstruction[];
  runs: Array<{ stage: string; command: string }>;
  entrypoint: string[] | null;
}

export function parseDockerfile(file: string): ParsedDockerfile {
  const logical: Array<{ text: string; line: number }> = [];
  let pending: { text: string; line: number } | null = null;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const text = raw.trim();
      if (!pending && (text === '' || text.startsWith('#'))) return;
      if (pending && text.startsWith('#')) return;
      const continued = text.endsWith('\\');
      const body = continued ? text.slice(0, -1).trim() : text;
      pending = pending ? { text: `${pending.text} ${body}`, line: pending.line } : { text: body, line: i + 1 };
      if (!continued) {
        logical.push(pending);
        pending = null;
      }
    });

  const parsed: ParsedDockerfile = { stages: [], copies: [], runs: [], entrypoint: null };
  for (const { text, line } of logical) {
    const [instruction = '', ...rest] = text.split(/\s+/);
    const args = rest.join(' ');
    const stage = parsed.stages.at(-1);
    switch (instruction.toUpperCase()) {
      case 'FROM': {
        const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
        parsed.stages.push({ base: m?.[1] ?? args, name: m?.[2] ?? String(parsed.stages.length), workdir: '/' });
        break;
      }
      case 'WORKDIR':
        if (stage) stage.workdir = path.posix.resolve(stage.workdir, args);
        break;
      case 'COPY':
      case 'ADD': {
        const words = args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
        const flags = words.filter((w) => w.startsWith('--'));
        const paths = words.filter((w) => !w.startsWith('--'));
        const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length) ?? null;
        const dest = paths.pop() ?? '';
        parsed.copies.push({
          stage: stage?.name ?? '',
          from,
          sources: paths,
          dest: path.posix.resolve(stage?.workdir ?? '/', dest),
          intoDirectory: paths.length > 1 || dest.endsWith('/') || dest === '.',
          line,
        });
        break;
      }
      case 'RUN':
        parsed.runs.push({ stage: stage?.name ?? '', command: args });
        break;
      case 'ENTRYPOINT':
        parsed.entrypoint = args.startsWith('[') ? (JSON.parse(args) as string[]) : ['/bin/sh', '-c', args];
        break;
    }
  }
  return parsed;
}

/**
 * Where each copied source lands: for `COPY a b ./` the sources keep their names under the
 * destination directory; for `COPY dir ./dir` the directory's contents go to `./dir`.
 */
export function destinationOf(copy: CopyInstruction, source: string): string {
  return copy.intoDirectory ? path.posix.join(copy.dest, path.posix.basename(source)) : copy.dest;
}
