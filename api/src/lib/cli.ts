import { type ParseArgsConfig, parseArgs } from 'node:util';

/** One command-line option: Node's `parseArgs` option plus the line `--help` prints for it. */
export type CliOption = NonNullable<ParseArgsConfig['options']>[string] & {
  description: string;
  /** Placeholder of a string option's value in the help, e.g. `FILE`. */
  valueName?: string;
};

/** What a command accepts and how `--help` describes it. */
export interface CliSpec<O extends Record<string, CliOption>> {
  /** Short name that prefixes its error messages, e.g. `seed`. */
  name: string;
  /** How the user runs it, e.g. `npm run seed --`. */
  command: string;
  /** What it does, a few sentences. */
  description: string;
  options: O;
  /** Positional arguments, e.g. `[FILE ...]`; without it, any positional argument is refused. */
  positionals?: string;
  /** Environment variables it reads: name → meaning. */
  environment?: Record<string, string>;
}

/** Exit code for a command line the program does not understand (as sysexits' EX_USAGE, shells use 2). */
export const USAGE_EXIT_CODE = 2;

/** The `--help` text of a command. */
export function cliHelp(spec: CliSpec<Record<string, CliOption>>): string {
  const rows: Array<[string, string]> = Object.entries(spec.options).map(([name, option]) => [
    `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : ''}`,
    option.description,
  ]);
  rows.push(['-h, --help', 'Show this help and exit.']);
  const env = Object.entries(spec.environment ?? {});
  const width = Math.max(...[...rows, ...env].map(([left]) => left.length)) + 2;
  const table = (list: Array<[string, string]>) =>
    list.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
  return [
    `Usage: ${spec.command}${rows.length > 1 ? ' [options]' : ''}${spec.positionals ? ` ${spec.positionals}` : ''}`,
    '',
    spec.description,
    '',
    'Options:',
    table(rows),
    ...(env.length > 0 ? ['', 'Environment:', table(env)] : []),
    '',
  ].join('\n');
}

/**
 * Parses the command line strictly with Node's `util.parseArgs`. `--help` (or `-h`) prints the help
 * and exits 0 before the program does anything else; an unknown option, a missing value or an
 * unexpected argument prints what was wrong and exits 2.
 */
export function parseCli<O extends Record<string, CliOption>>(
  spec: CliSpec<O>,
  args: string[] = process.argv.slice(2),
) {
  const options = { ...spec.options, help: { type: 'boolean', short: 'h' } } as const;
  let parsed: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: spec.positionals !== undefined,
    }) as never;
  } catch (err) {
    // parseArgs reports the exact token it refused; anything else is a bug and propagates.
    if (!(err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')))
      throw err;
    process.stderr.write(`${spec.name}: ${err.message}\nRun \`${spec.command} --help\` for usage.\n`);
    process.exit(USAGE_EXIT_CODE);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(cliHelp(spec));
    process.exit(0);
  }
  return parsed;
}
