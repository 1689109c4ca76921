import type { Bundle } from '../bundle/types';
import type { FieldGroupId } from '../report/types';

/** Settings of the running server, shared between the HTTPS wrapper and Next's route handlers. */
export interface ServerState {
  password: string;
  /** Bundle preloaded from `--config-dir` / `QUAY_CONFIG_DIR`, if any. */
  configDir: string | null;
  readonlyGroups: FieldGroupId[];
  operatorEndpoint: string | null;
  /** Loaded lazily by the routes that need it. */
  preloaded?: Bundle | null;
}

// Route handlers are bundled by Next separately from the server module, so module-level variables
// would not be shared: the state lives on globalThis under a registered symbol.
const KEY = Symbol.for('quay-config.server-state');

export function setServerState(state: ServerState): void {
  (globalThis as Record<symbol, unknown>)[KEY] = state;
}

export function getServerState(): ServerState | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as ServerState | undefined;
}
