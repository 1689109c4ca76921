import type { BundleFiles } from '../bundle/types';
import type { Stage } from '../report/types';
import type { ProbeConnections } from './connections';

/**
 * Everything a probe needs, as data. Probes honour `signal` (aborted at their deadline or when the
 * user cancels) and close their sockets when it fires.
 */
export interface ProbeContext {
  signal: AbortSignal;
  /** This probe's own deadline, in ms (default 5000, `--timeout-ms`). */
  timeoutMs: number;
  /** Bundle files: `extra_ca_certs/*`, `ldap.crt`, `database.pem`, … */
  files: BundleFiles;
  /** PEM CA certificates to trust on top of the system roots: `extra_ca_certs/*` (+ `extra_ca_cert_*`). */
  extraCAs: string[];
  /** Records the rung being attempted, so a timeout can say where it hung. */
  enter(stage: Stage): void;
  /** Base URLs of public services (GitHub, Google, Bitbucket, …), overridable for tests. */
  endpoints: PublicEndpoints;
  /** Kept-alive HTTP(S) connections of this probe (`connections.ts`); without it every request has a connection of its own. */
  connections?: ProbeConnections;
}

export interface PublicEndpoints {
  github: string;
  githubApi: string;
  gitlab: string;
  google: string;
  bitbucket: string;
  s3: string;
}

export const DEFAULT_ENDPOINTS: PublicEndpoints = {
  github: 'https://github.com/',
  githubApi: 'https://api.github.com/',
  gitlab: 'https://gitlab.com/',
  google: 'https://oauth2.googleapis.com/',
  bitbucket: 'https://bitbucket.org/',
  s3: 'https://s3.amazonaws.com',
};
