/**
 * Vitest global setup. Integration tests (`*.int.test.ts`) need real services; they are started
 * here once, on 127.0.0.1, and stopped by PID at the end (see test/harness/services.ts).
 */
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
