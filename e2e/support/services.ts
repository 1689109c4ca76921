import { readFileSync } from 'node:fs';

/** What global setup started for the specs (see e2e/global-setup.ts). */
export interface E2eServices {
  runDir: string;
  /** PEM of the test CA that signed the services' certificates. */
  caPem: string;
  postgres: { host: string; port: number; user: string; password: string; database: string };
  redis: { host: string; port: number; password: string };
}

/** The running services, read from the file global setup wrote. */
export function services(): E2eServices {
  const file = process.env.QC_E2E_SERVICES;
  if (!file) throw new Error('QC_E2E_SERVICES is not set: run the specs through playwright.config.ts');
  return JSON.parse(readFileSync(file, 'utf8')) as E2eServices;
}

/** `config.yaml` lines pointing at the harness's PostgreSQL and Redis (build logs and user events alike). */
export function serviceConfigLines(svc: E2eServices = services()): string[] {
  return [
    `DB_URI: postgresql://${svc.postgres.user}:${svc.postgres.password}@${svc.postgres.host}:${svc.postgres.port}/${svc.postgres.database}`,
    `BUILDLOGS_REDIS: {host: ${svc.redis.host}, port: ${svc.redis.port}, password: ${svc.redis.password}}`,
    `USER_EVENTS_REDIS: {host: ${svc.redis.host}, port: ${svc.redis.port}, password: ${svc.redis.password}}`,
  ];
}

/** The password the server under test was started with. */
export function password(): string {
  const pw = process.env.QC_E2E_PASSWORD;
  if (!pw) throw new Error('QC_E2E_PASSWORD is not set');
  return pw;
}
