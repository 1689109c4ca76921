import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli';

/** `serve` argument errors end in exit 2 before anything is started. */
describe('quay-config serve usage errors', () => {
  it.each([
    [['--operator-endpoint', 'quay-operator:7071'], /--operator-endpoint must be an http:\/\/ or https:\/\/ URL, not quay-operator:/],
    [['--operator-endpoint', 'not a url'], /--operator-endpoint "not a url" is not a URL/],
    [['--operator-endpoint', 'http://op:7071/?x=1'], /must not have a query or fragment/],
    [['--tls-cert', 'a.pem'], /--tls-cert and --tls-key go together/],
    [['--port', '70000'], /invalid port "70000"/],
    [['--readonly-groups', 'Databse'], /unknown field group\(s\): Databse/],
  ])('%j', async (args, message) => {
    const run = await runCli(['serve', ...args], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
