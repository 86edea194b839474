// The Python interpreter and virtualenv the fuzzer runs Schemathesis in.
//
// CPython before 3.11.8 keeps the AST constructor's recursion depth in state shared by every thread
// (cpython gh-106905). Hypothesis parses lambdas' source with `ast.parse` to describe strategies, and
// with Schemathesis' worker threads two parses can interleave: the run then dies on
// "SystemError: AST constructor recursion depth mismatch" and the operation it was generating for is
// reported as not fuzzed. So a fixed interpreter is preferred when the machine has one (pyenv's
// versions included), and an affected one runs a single worker.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The pinned Schemathesis. */
export const SCHEMATHESIS = 'schemathesis==4.32.5';

/** Worker threads per run on an interpreter without the AST race. */
const WORKERS = 2;

type Version = [number, number, number];

function versionOf(python: string): Version | undefined {
  try {
    const out = execFileSync(python, ['-c', 'import sys; print(*sys.version_info[:3])'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const parts = out.trim().split(' ').map(Number);
    return parts.length === 3 && parts.every(Number.isInteger) ? (parts as Version) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the interpreter has the shared AST recursion depth (fixed in 3.11.8 and 3.12.1). */
function hasAstRace([major, minor, patch]: Version): boolean {
  if (major !== 3) return false;
  return (minor === 11 && patch < 8) || (minor === 12 && patch < 1) || minor < 11;
}

/** pyenv's installed 3.12+ interpreters, newest first (a pyenv shim answers only for its global version). */
function pyenvInterpreters(): string[] {
  const dir = join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'versions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((v) => /^3\.(1[2-9]|[2-9]\d)\.\d+$/.test(v))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    .map((v) => join(dir, v, 'bin', 'python3'));
}

/**
 * The interpreter to build the virtualenv with: `FUZZ_PYTHON` when set, else the first of
 * python3.13, python3.12, pyenv's 3.12+ and python3 that runs and has no AST race, else python3
 * (with one worker).
 */
export function fuzzPython(): { python: string; version: string; workers: number } {
  const explicit = process.env.FUZZ_PYTHON;
  const candidates = explicit ? [explicit] : ['python3.13', 'python3.12', ...pyenvInterpreters(), 'python3'];
  let fallback: { python: string; version: Version } | undefined;
  for (const python of candidates) {
    const version = versionOf(python);
    if (!version) continue;
    if (!hasAstRace(version)) return { python, version: version.join('.'), workers: WORKERS };
    fallback ??= { python, version };
  }
  if (!fallback) throw new Error(`fuzz: no working Python among ${candidates.join(', ')}`);
  return { python: fallback.python, version: fallback.version.join('.'), workers: 1 };
}

/** A virtualenv with Schemathesis, made once per interpreter version and kept under `dir`. */
export function schemathesisBin(venv: string, python: { python: string; version: string }): string {
  const bin = join(venv, 'bin', 'schemathesis');
  const marker = join(venv, 'installed.txt');
  const stamp = `${SCHEMATHESIS} on Python ${python.version}`;
  if (existsSync(bin) && existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return bin;
  process.stdout.write(`fuzz: installing ${SCHEMATHESIS} into ${venv} (Python ${python.version})\n`);
  execFileSync(python.python, ['-m', 'venv', '--clear', venv], { stdio: 'inherit' });
  execFileSync(
    join(venv, 'bin', 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', SCHEMATHESIS],
    {
      stdio: 'inherit',
    },
  );
  writeFileSync(marker, stamp);
  return bin;
}
