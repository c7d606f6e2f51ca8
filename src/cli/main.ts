// The `rased` command: dispatches to one command module. Exit codes: 0 ok, 1 failure, 2 bad usage.
import { alertsCommand } from './alerts-command';
import { demoCommand } from './demo-command';
import { discoverCommand } from './discover-command';
import { loadDotEnv } from './load';
import { matchCli } from './match-cli';
import { type CommandIO, parseCommand } from './parse-command';
import { runCommand } from './run-command';
import { sourcesCommand } from './sources-command';
import { storiesCommand } from './stories-command';

const HELP = `rased — news monitoring alerts for Arabic and English conflict news

usage: rased <command> [options]

  run [--once]            poll sources on their schedules (--once: poll each once and exit)
  sources [--json]        list sources with their health
  sources discover <url>  find a site's feeds and print a ready-to-paste sources.yaml entry
  stories [--since 24h] [--json]
                          stories with their articles and why each joined
  match '<query>' [files] [--json]
                          test a watch query on articles (stdin when no file); exit 0 matched, 1 not, 2 invalid
  parse <file-or-url>     parse one feed and print it as JSON
  alerts --failed         alerts a chat platform refused (with the reason)
  demo                    run the whole pipeline offline on bundled sample feeds
  help                    this text

configuration: environment variables (see .env.example) and config/sources.yaml`;

export async function main(argv: string[], env: Record<string, string | undefined>, io: CommandIO): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'run':
      return runCommand(args, env, io);
    case 'sources':
      return args[0] === 'discover' ? discoverCommand(args.slice(1), env, io) : sourcesCommand(args, env, io);
    case 'stories':
      return storiesCommand(args, env, io);
    case 'match':
      return matchCli(args, env, io);
    case 'parse':
      return parseCommand(args, io);
    case 'alerts':
      return alertsCommand(args, env, io);
    case 'demo':
      return demoCommand(args, env, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return command === undefined ? 2 : 0;
    default:
      io.err(`rased: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

export async function cli(): Promise<void> {
  loadDotEnv();
  const io: CommandIO = {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  };
  const code = await main(process.argv.slice(2), process.env, io);
  process.exitCode = code;
  // Everything is closed by now; a connection that never answers (a chat API that hung at start)
  // must not keep a stopped process alive.
  setTimeout(() => process.exit(code), 2_000).unref();
}
