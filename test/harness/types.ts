import 'vitest';
/** What every service module under test/harness/services/ exports as `service`. */
export interface ServiceModule {
  /** Short name: `postgres`, `redis`, … — the key under which its info is provided to tests. */
  name: string;
  /** Starts the service on 127.0.0.1 and resolves once it is ready. */
  start(env: HarnessEnv): Promise<StartedService>;
}

export interface StartedService {
  /** Plain JSON data the tests need: host, ports, credentials, database names, … */
  info: Record<string, unknown>;
  /** Stops every process it started, by PID. */
  stop(): Promise<void>;
}

/** Shared by every service: where to keep data, and the test PKI. */
export interface HarnessEnv {
  /** A fresh directory for this run: put the service's data under `${runDir}/<name>`. */
  runDir: string;
  certs: TestCerts;
  log(line: string): void;
}

/** Test PKI (absolute paths + PEM text), made fresh for each run by test/harness/certs.ts. */
export interface TestCerts {
  dir: string;
  /** The CA that signed `server.crt` (CN "Test CA"). */
  caPath: string;
  caPem: string;
  /** Server certificate for localhost, 127.0.0.1 and ::1, signed by the CA. */
  serverCertPath: string;
  serverKeyPath: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** Another CA, that signed nothing the services use: "wrong CA" scenarios. */
  otherCaPath: string;
  otherCaPem: string;
  /** A certificate for `wrong.example` only, signed by the CA: "hostname mismatch" scenarios. */
  wrongHostCertPath: string;
  wrongHostKeyPath: string;
  wrongHostCertPem: string;
  wrongHostKeyPem: string;
}

/** What global setup provides to tests: `inject('harness')`. */
export interface HarnessInfo {
  runDir: string;
  certs: TestCerts;
  services: Record<string, Record<string, unknown>>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    harness: HarnessInfo;
  }
}
