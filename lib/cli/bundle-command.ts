import path from 'node:path';
import { parseArgs } from 'node:util';
import { readBundleFromPath } from '../bundle/read';
import { writeBundleArchive } from '../bundle/write';
import { checkSecretTarget, K8sSecretError, renderK8sSecret } from '../k8s/secret';
import { EXIT, type CliIO } from './io';
import { expectPositionals } from './options';
import { writeOutputFiles } from './output-files';
import { CommandError, UsageError } from './usage';

/**
 * `quay-config bundle <path> --k8s-secret NAME [--namespace NS] [--out FILE]`: the bundle (a
 * directory, tar.gz or lone config.yaml) as the Secret manifest Quay's operator takes as its
 * `configBundleSecret`, on stdout or in a file (mode 0600: it holds the registry's secrets).
 * Without `--k8s-secret`, `--out FILE` writes a clean quay-config.tar.gz instead.
 */
export async function bundleCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'k8s-secret': { type: 'string' },
      namespace: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const [source] = expectPositionals(positionals, 1, 'bundle takes exactly one path (a directory, a tar.gz or a config.yaml)');
  const secretName = values['k8s-secret'];
  if (secretName === undefined && values.out === undefined) {
    throw new UsageError('bundle needs --k8s-secret NAME (a Kubernetes Secret manifest) or --out FILE (a quay-config.tar.gz)');
  }
  if (secretName === undefined && values.namespace !== undefined) throw new UsageError('--namespace goes with --k8s-secret');
  if (values.force && values.out === undefined) throw new UsageError('--force goes with --out');
  const target = secretName !== undefined ? { name: secretName, namespace: values.namespace } : null;
  if (target) {
    // Checked before the bundle is read, so a typo in NAME fails fast, as a usage error.
    try {
      checkSecretTarget(target);
    } catch (e) {
      if (e instanceof K8sSecretError) throw new UsageError(e.message);
      throw e;
    }
  }

  const bundle = await readBundleFromPath(path.resolve(io.cwd ?? process.cwd(), source as string));
  for (const f of bundle.findings) io.err(`quay-config: ${f.severity}: ${f.message}`);

  let output: string | Buffer;
  try {
    output = target ? renderK8sSecret(bundle, target) : await writeBundleArchive(bundle);
  } catch (e) {
    if (e instanceof K8sSecretError) throw new CommandError(e.message);
    throw e;
  }
  if (values.out === undefined) {
    // Only the manifest goes to stdout (an archive needs --out, checked above).
    io.out(String(output).replace(/\n$/, ''));
    return EXIT.valid;
  }
  const file = path.resolve(io.cwd ?? process.cwd(), values.out);
  await writeOutputFiles(path.dirname(file), [{ name: path.basename(file), data: output, mode: 0o600 }], values.force);
  io.err(target ? `Wrote ${file}: kubectl apply -f ${file}` : `Wrote ${file}`);
  return EXIT.valid;
}
