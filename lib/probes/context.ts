import type { BundleFiles } from '../bundle/types';
import type http from 'node:http';
import type tls from 'node:tls';
import type { Stage } from '../report/types';

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
  /** Kept-alive HTTP(S) connections of this probe (`probeConnections` in connections.ts); without it every request has a connection of its own. */
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

/**
 * The kept-alive HTTP(S) connections of one probe: requests in a row to one origin share one TCP
 * (+ TLS) handshake, as the clients Quay uses keep theirs (boto3's pool, python-swiftclient,
 * requests sessions), instead of one handshake per request (issue 11). Concurrent requests still
 * get connections of their own. The pipeline gives each probe a pool and closes it when the probe
 * ends, so no connection outlives its probe.
 */
export interface ProbeConnections {
  /** The agent for a request with these TLS options (none for plain HTTP). */
  agentFor(tlsOptions: tls.ConnectionOptions | undefined): http.Agent;
  /** Closes every connection of the pool. */
  destroy(): void;
}
