import { parseArgs } from 'node:util';
import { readBundleFromPath } from '../bundle/read';
import { BundleError } from '../bundle/types';
import { unreadableReport, validateConfig } from '../validation/run';
import { defaultIO, EXIT, type CliIO } from './io';
import { resolveDeployment } from '../k8s/managed-components';
import { expectPositionals, parseDeployment, parseGroups, parseQuayVersion, parseTimeout } from './options';
import { formatReportTable } from './report-table';
import { CommandError, isParseArgsError, USAGE, UsageError } from './usage';

export { EXIT, parseGroups, UsageError };
export type { CliIO };

const COMMANDS = new Set(['validate', 'serve', 'generate', 'bundle']);

/** `--help` or `-h` among the options (after `--` they are positionals: a file may be called that). */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Runs the CLI and returns its exit code; never throws for bad input. */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [command, ...rest] = argv;
  // `quay-config validate --help` is how people look for a command's options: usage, not an error.
  if (command && COMMANDS.has(command) && wantsHelp(rest)) {
    io.out(USAGE);
    return EXIT.valid;
  }
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'serve': {
        // Loaded on demand: serving pulls in Next, which the other commands never need.
        const { serveCommand } = await import('./serve-command');
        return await serveCommand(rest, io);
      }
      case 'generate': {
        const { generateCommand } = await import('./generate-command');
        return await generateCommand(rest, io);
      }
      case 'bundle': {
        const { bundleCommand } = await import('./bundle-command');
        return await bundleCommand(rest, io);
      }
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return EXIT.valid;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`quay-config: ${e.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof BundleError) {
      io.err(`quay-config: cannot read ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof CommandError) {
      io.err(`quay-config: ${e.message}`);
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
      'quay-version': { type: 'string' },
      managed: { type: 'string' },
      operator: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const [source] = expectPositionals(positionals, 1, 'validate takes exactly one path');
  const mode = values.mode;
  if (mode !== 'online' && mode !== 'offline') throw new UsageError(`--mode must be online or offline, not "${mode}"`);
  const groups = values.groups !== undefined ? parseGroups(values.groups) : undefined;
  const timeoutMs = values['timeout-ms'] !== undefined ? parseTimeout(values['timeout-ms']) : undefined;
  const quayVersion = values['quay-version'] !== undefined ? parseQuayVersion(values['quay-version']) : undefined;
  const deploymentRequest = parseDeployment(values.operator, values.managed);

  let bundle;
  try {
    bundle = await readBundleFromPath(source as string);
  } catch (e) {
    // With --json, automation still gets a report it can parse (exit 2 says the input was unreadable).
    if (!(e instanceof BundleError) || !values.json) throw e;
    io.err(`quay-config: cannot read ${e.message}`);
    io.out(JSON.stringify(unreadableReport(mode, quayVersion, `cannot read ${e.message}`), null, 2));
    return EXIT.usage;
  }
  const deployment = deploymentRequest ? resolveDeployment(deploymentRequest, bundle.files) : undefined;
  const report = await validateConfig({ config: bundle.config, files: bundle.files, loadFindings: bundle.findings }, { mode, groups, timeoutMs, quayVersion, deployment });
  io.out(values.json ? JSON.stringify(report, null, 2) : formatReportTable(report));
  return report.valid ? EXIT.valid : EXIT.invalid;
}
