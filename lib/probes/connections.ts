import http from 'node:http';
import https from 'node:https';
import type tls from 'node:tls';
import type { ProbeConnections } from './context';

/** The pool of kept-alive connections of one probe run (the `ProbeConnections` of context.ts). */
export function probeConnections(): ProbeConnections {
  // Node's agent reuses a connection for the same host, port, servername, CA option and
  // rejectUnauthorized, but not by `secureContext`: one agent per trust context, so a connection
  // verified against one set of CAs never carries a request meant to be verified against another.
  const agents = new Map<tls.SecureContext | 'https' | 'http', http.Agent>();
  return {
    agentFor(tlsOptions) {
      const key = tlsOptions ? (tlsOptions.secureContext ?? 'https') : 'http';
      let agent = agents.get(key);
      if (!agent) {
        agent = tlsOptions ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
        agents.set(key, agent);
      }
      return agent;
    },
    destroy() {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
