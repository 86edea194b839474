import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// Every command the README or package.json names: `--help` explains it and exits 0 without doing
// anything; an unknown flag or argument is refused with exit code 2 instead of being ignored.
const root = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'souk-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Where each command would keep data, pointed at places that must stay untouched. */
const untouched = {
  PGLITE_DIR: join(scratch, 'pglite'),
  // Nothing listens on port 9: a command that tried to reach this database would fail or hang.
  DATABASE_URL: 'postgres://souk:souk@127.0.0.1:9/never',
  PORT: '9',
};

const commands: Array<{ file: string; node: string[]; mentions: string[] }> = [
  { file: 'api/src/seed/cli.ts', node: ['--import', 'tsx'], mentions: ['--demo', '--json', 'DATABASE_URL'] },
  { file: 'api/src/plugins/cli.ts', node: ['--import', 'tsx'], mentions: ['PLUGINS'] },
  { file: 'api/src/main.ts', node: ['--import', 'tsx'], mentions: ['PORT'] },
  { file: 'scripts/start.ts', node: ['--import', 'tsx'], mentions: ['STOREFRONT_PORT'] },
  { file: 'scripts/generate.ts', node: ['--import', 'tsx'], mentions: ['--check'] },
  { file: 'bench/run.ts', node: ['--import', 'tsx'], mentions: ['BENCH_SCENARIOS'] },
  { file: 'bench/events.ts', node: ['--import', 'tsx'], mentions: ['BENCH_EVENTS'] },
  { file: 'bench/realtime.ts', node: ['--import', 'tsx'], mentions: ['BENCH_REALTIME_CLIENTS'] },
  { file: 'bench/lighthouse.ts', node: ['--import', 'tsx'], mentions: ['STOREFRONT_BENCH_THEMES'] },
  { file: 'bench/bare-koa.ts', node: ['--import', 'tsx'], mentions: ['PORT'] },
  { file: 'scripts/test-summary.mjs', node: [], mentions: ['REPORT.json'] },
];

async function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = { ...process.env, ...untouched },
) {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, {
      cwd: root,
      env,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout: string; stderr: string; killed?: boolean };
    if (e.killed || typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each case starts Node with tsx, which loads the command's whole module graph: seconds on a busy machine.
describe('command-line tools', { timeout: 120_000 }, () => {
  describe.each(commands)('$file', ({ file, node, mentions }) => {
    it('--help prints the usage, exits 0 and does nothing else', async () => {
      const res = await run(process.execPath, [...node, file, '--help']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/^Usage: /);
      for (const word of [...mentions, '--help']) expect(res.stdout).toContain(word);
      expect(existsSync(untouched.PGLITE_DIR)).toBe(false);
    });

    it('refuses an unknown flag with exit code 2, naming it', async () => {
      const res = await run(process.execPath, [...node, file, '--no-such-flag']);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain("Unknown option '--no-such-flag'");
      expect(res.stderr).toContain('--help');
      expect(res.stdout).toBe('');
    });
  });

  it('seed --help neither opens a database nor prints a key', async () => {
    // Without DATABASE_URL the seed would create and fill the embedded database in PGLITE_DIR.
    const { DATABASE_URL: _, ...env } = { ...process.env, ...untouched };
    const res = await run(process.execPath, ['--import', 'tsx', 'api/src/seed/cli.ts', '--help'], env);
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain('shown once');
    expect(res.stdout).not.toMatch(/^seed: /m);
    expect(existsSync(untouched.PGLITE_DIR)).toBe(false);
  });

  it('seed refuses a stray argument before touching the database', async () => {
    const res = await run(process.execPath, ['--import', 'tsx', 'api/src/seed/cli.ts', 'demo']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("Unexpected argument 'demo'");
    expect(existsSync(untouched.PGLITE_DIR)).toBe(false);
  });

  it('scripts/services answers --help and refuses unknown options', async () => {
    const help = await run('bash', ['scripts/services', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('scripts/services up [service ...]');
    const bad = await run('bash', ['scripts/services', 'status', '--no-such-flag']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--no-such-flag'");
  });
});
