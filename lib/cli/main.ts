import { parseArgs } from 'node:util';
import { readBundleFromPath } from '../bundle/read';
import { BundleError } from '../bundle/types';
import { validateConfig } from '../validation/run';
import { FIELD_GROUP_IDS, isFieldGroupId, type FieldGroupId } from '../validation/types';
import { formatReportTable } from './report-table';

/** Exit codes: 0 valid, 1 invalid, 2 unreadable input or bad usage. */
export const EXIT = { valid: 0, invalid: 1, usage: 2 } as const;

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage:
  quay-config validate <dir | bundle.tar.gz | config.yaml> [--mode online|offline] [--groups G,G]
                       [--timeout-ms N] [--json]
  quay-config serve [--port 8443] [--password PW] [--config-dir DIR] [--tls-cert F --tls-key F]
                    [--readonly-groups G,G]
  quay-config generate psk | service-key --name N | cert --hostname H [--ip IP]

Exit codes: 0 valid, 1 invalid, 2 unreadable input or bad usage.`;

class UsageError extends Error {}

/** Runs the CLI and returns its exit code; never throws for bad input. */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'serve': {
        const { serveCommand } = await import('./serve-command');
        return await serveCommand(rest, io);
      }
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`quay-config: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof BundleError) {
      io.err(`quay-config: cannot read ${e.message}`);
      return EXIT.usage;
    }
    throw e;
  }
}

async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'online' },
      groups: { type: 'string' },
      'timeout-ms': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('validate takes exactly one path');
  const mode = values.mode;
  if (mode !== 'online' && mode !== 'offline') throw new UsageError(`--mode must be online or offline, not "${mode}"`);
  const groups = values.groups !== undefined ? parseGroups(values.groups) : undefined;
  const timeoutMs = values['timeout-ms'] !== undefined ? parseTimeout(values['timeout-ms']) : undefined;

  const bundle = await readBundleFromPath(positionals[0] as string);
  const report = await validateConfig(
    { config: bundle.config, files: bundle.files, loadFindings: bundle.findings },
    { mode, groups, timeoutMs },
  );
  io.out(values.json ? JSON.stringify(report, null, 2) : formatReportTable(report));
  return report.valid ? EXIT.valid : EXIT.invalid;
}

export function parseGroups(text: string): FieldGroupId[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !isFieldGroupId(n));
  if (bad.length || names.length === 0) {
    throw new UsageError(`unknown field group(s): ${bad.join(', ') || '(none given)'}; known: ${FIELD_GROUP_IDS.join(', ')}`);
  }
  return names as FieldGroupId[];
}

function parseTimeout(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 100 || n > 600_000) throw new UsageError('--timeout-ms must be an integer from 100 to 600000');
  return n;
}

function isParseArgsError(e: unknown): boolean {
  return e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

function defaultIO(): CliIO {
  return { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n'), env: process.env };
}

export { UsageError };
