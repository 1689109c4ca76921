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

describe('quay-config <command> --help', () => {
  it.each([['validate', '--help'], ['serve', '-h'], ['generate', '--help'], ['bundle', '--help'], ['--help']])('%j prints the usage and exits 0', async (...args) => {
    const run = await runCli(args, tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n {2}quay-config validate <dir/);
    expect(run.stderr).toBe('');
  });

  it('a real positional named --help still goes after --', async () => {
    const run = await runCli(['validate', '--', '--help'], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read/);
  });
});
