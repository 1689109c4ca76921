/** The CLI's help text, shown by `help` and after every usage error. */
export const USAGE = `Usage:
  quay-config validate <dir | bundle.tar.gz | config.yaml> [--mode online|offline] [--groups G,G]
                       [--timeout-ms N] [--quay-version 3.4…3.19|head] [--operator | --managed KINDS]
                       [--json]
  quay-config serve [--port 8443] [--password PW] [--config-dir DIR] [--tls-cert F --tls-key F]
                    [--readonly-groups G,G] [--operator-endpoint URL]
  quay-config generate psk [--json]
  quay-config generate secret-key [--format hex|decimal|uuid] [--json]
  quay-config generate service-key --name N [--service S] [--expiration ISO-DATE] [--quay-url URL]
                                   [--out DIR] [--force] [--json]
  quay-config generate cert --hostname H [--ip IP]... [--out DIR] [--force] [--json]
  quay-config bundle <dir | bundle.tar.gz | config.yaml> --k8s-secret NAME [--namespace NS]
                     [--out FILE] [--force]
  quay-config bundle <dir | bundle.tar.gz | config.yaml> --out quay-config.tar.gz [--force]

Exit codes: 0 valid (or done), 1 invalid, 2 unreadable input or bad usage.`;

/** Bad arguments: reported with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `node:util` parseArgs throws TypeErrors with `ERR_PARSE_ARGS_*` codes for unknown or malformed options. */
export function isParseArgsError(e: unknown): e is Error {
  return e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

/** The command cannot do what was asked (a file exists, a directory is not writable): message only, exit 2. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
