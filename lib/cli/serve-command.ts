import path from 'node:path';
import { parseArgs } from 'node:util';
import { startIdleGc } from '../server/idle-gc';
import { serve } from '../server/serve';
import type { CliIO } from './io';
import { parseGroups } from './options';
import { missingPodEnv, operatorEndpointProblem } from '../k8s/operator-env';
import { UsageError } from './usage';

/** `quay-config serve`: the wizard and API over HTTPS until SIGINT/SIGTERM. */
export async function serveCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      password: { type: 'string' },
      'config-dir': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'readonly-groups': { type: 'string' },
      'operator-endpoint': { type: 'string' },
    },
  });
  const port = Number(values.port ?? io.env.PORT ?? 8443);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port "${values.port ?? io.env.PORT}"`);
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new UsageError('--tls-cert and --tls-key go together');
  const operatorEndpoint = values['operator-endpoint'];
  if (operatorEndpoint !== undefined) {
    const problem = operatorEndpointProblem(operatorEndpoint);
    if (problem) throw new UsageError(`--operator-endpoint ${problem}`);
    // config-tool panicked here; we start, and POST /api/v1/config/operator explains what is missing.
    const missing = missingPodEnv(io.env);
    if (missing.length) io.err(`quay-config: warning: ${missing.join(' and ')} not set: "Reconfigure Quay" (POST /api/v1/config/operator) will answer 409 until they are`);
  }
  const server = await serve(
    {
      port,
      host: values.host ?? io.env.HOST ?? '0.0.0.0',
      password: values.password ?? io.env.QUAY_CONFIG_PASSWORD,
      configDir: values['config-dir'] ?? io.env.QUAY_CONFIG_DIR,
      tlsCert: values['tls-cert'],
      tlsKey: values['tls-key'],
      readonlyGroups: values['readonly-groups'] ? parseGroups(values['readonly-groups']) : [],
      operatorEndpoint,
      appDir: io.env.QUAY_CONFIG_APP_DIR ?? path.resolve(import.meta.dirname, '../..'),
    },
    io.out,
  );
  const stopIdleGc = startIdleGc();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopIdleGc();
  await server.close();
  return 0;
}
