/**
 * `sijill-bundle`: the partners' command-line tool over shared/bundle. This module parses the
 * command, dispatches, and turns every failure into one line on stderr and a documented exit
 * code (never a stack trace). It takes its I/O as a parameter so tests run it in-process.
 */
import { EXIT_CODE_HELP, describeFailure, CliError, EXIT } from './exit-codes';
import type { CliIo } from './io';
import { INSPECT_HELP, inspect } from './commands/inspect';
import { KEYGEN_HELP, keygen } from './commands/keygen';
import { OPEN_HELP, VERIFY_HELP, open, verify } from './commands/open';
import { SEAL_HELP, seal } from './commands/seal';

/** The tool's version (of the tool, not of the format). */
export const VERSION = '0.1.0';

const COMMANDS: Record<string, { run: (args: string[], io: CliIo) => Promise<number>; help: string }> = {
  keygen: { run: keygen, help: KEYGEN_HELP },
  seal: { run: seal, help: SEAL_HELP },
  inspect: { run: inspect, help: INSPECT_HELP },
  verify: { run: verify, help: VERIFY_HELP },
  open: { run: open, help: OPEN_HELP },
};

/** The top-level `--help` text. */
export const HELP = `sijill-bundle ${VERSION} — create, check and open Sijill bundles (sijill-bundle/1)

Usage: sijill-bundle COMMAND [options]

Commands:
  keygen --out NAME                          create NAME.sijill-key (secret) and NAME.sijill-id (card)
  seal --key KEY --to CARD... --out FILE.sijill INPUT...
                                             seal files into a signed bundle for the cards
  inspect FILE                               show a bundle's header without any key
  verify FILE --key KEY --trust CARD...      check a bundle completely, write nothing
  open FILE --key KEY --trust CARD... --out DIR
                                             check a bundle, then write its entries into new DIR

Run "sijill-bundle COMMAND --help" for a command's options. Passphrases are never read from
the command line: they are asked without echo on the terminal, or taken from the environment
for scripts: SIJILL_PASSPHRASE (the KEY file's passphrase) and SIJILL_BUNDLE_PASSPHRASE (a
bundle's own passphrase, with --passphrase).

${EXIT_CODE_HELP}
`;

/** Runs the tool with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      if (name === undefined) {
        io.err(HELP);
        return EXIT.usage;
      }
      io.out(HELP);
      return EXIT.ok;
    }
    if (name === '--version') {
      io.out(`${VERSION}\n`);
      return EXIT.ok;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new CliError(`unknown command "${name}" (try --help)`, EXIT.usage);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${command.help}\n${EXIT_CODE_HELP}\n`);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    const { code, message } = describeFailure(error);
    io.err(`sijill-bundle: ${message}\n`);
    return code;
  }
}
