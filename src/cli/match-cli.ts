// `rased match '<query>' [files...] [--json]`: for writing watches. Each file (or stdin when none) is
// an article: first line the title, the rest the text. Prints whether each matched and the evidence;
// exit 0 if any input matched, 1 if none, 2 if the query is invalid (message on stderr).
// Matching uses the pipeline's code (src/match) over the configured gazetteer and aliases.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { loadWorld } from '../world';
import { runMatchCommand } from './match-command';
import type { CommandIO } from './parse-command';

const USAGE = "usage: rased match '<query>' [files...] [--json]   (reads stdin when no file is given)";

export async function matchCli(
  args: string[],
  env: Record<string, string | undefined>,
  io: CommandIO,
  stdin: () => Promise<string> = readStdin,
): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const unknown = rest.find((a) => a.startsWith('--'));
  if (rest.length === 0 || unknown) {
    io.err(unknown ? `rased match: unknown option ${unknown}\n${USAGE}` : USAGE);
    return 2;
  }
  const [query, ...files] = rest as [string, ...string[]];
  const config = loadConfig(env);
  if (!config.ok) {
    io.err(`rased: ${config.error}`);
    return 2;
  }
  const world = loadWorld(config.value.configDir);
  if (!world.ok) {
    io.err(`rased: ${world.error}`);
    return 2;
  }
  const inputs: { name: string; text: string }[] = [];
  for (const f of files) {
    try {
      inputs.push({ name: f, text: readFileSync(f, 'utf8') });
    } catch (err) {
      io.err(`rased match: cannot read ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return 2;
    }
  }
  if (files.length === 0) inputs.push({ name: '-', text: await stdin() });
  const out = runMatchCommand({ query, inputs, json }, { ctx: world.value.ctx });
  for (const line of out.stdout) io.out(line);
  for (const line of out.stderr) io.err(line);
  return out.exitCode;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
