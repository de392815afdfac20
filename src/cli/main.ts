/**
 * The `autorisk` command line. Each capability registers its own commands (./commands/*.ts); this file
 * only wires them together and turns errors into one clear line and a non-zero exit.
 */
import { Command, CommanderError } from "commander";
import { ZodError } from "zod";
import { CliContext, UserError } from "./context.js";
import { InputError } from "../model/errors.js";
import { registerCore } from "./commands/core.js";
import { registerLists } from "./commands/lists.js";
import { registerScreen } from "./commands/screen.js";
import { registerExposure } from "./commands/exposure.js";
import { registerNews } from "./commands/news.js";
import { VERSION } from "../version.js";

// `autorisk … | head` closes the pipe early; that is the reader's choice, not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}

const program = new Command();
program
  .name("autorisk")
  .description("Sanctions and partnership risk for the automotive supply chain")
  .version(VERSION)
  .option("--db <path>", "SQLite database file (default ./data/autorisk.db, or AUTORISK_DB; DATABASE_URL selects PostgreSQL)")
  .showHelpAfterError()
  .exitOverride();

const ctx = new CliContext(() => program.opts());
registerCore(program, ctx);
registerLists(program, ctx);
registerScreen(program, ctx);
registerExposure(program, ctx);
registerNews(program, ctx);

try {
  await program.parseAsync(process.argv);
  await ctx.close();
} catch (err) {
  await ctx.close().catch(() => undefined);
  if (err instanceof CommanderError) {
    // help and --version exit through here with code 0; usage errors were already printed by commander
    process.exit(err.exitCode);
  }
  if (err instanceof InputError) {
    process.stderr.write(`autorisk: ${err.message}\n`);
    process.exit(err instanceof UserError ? err.exitCode : 1);
  }
  if ((err as { code?: string })?.code === "STORE_UNAVAILABLE") {
    process.stderr.write(`autorisk: ${(err as Error).message}\n`);
    process.exit(1);
  }
  if (err instanceof ZodError) {
    process.stderr.write(`autorisk: invalid input: ${err.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}\n`);
    process.exit(1);
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "ENOENT" && e.path) {
    process.stderr.write(`autorisk: file not found: ${e.path}\n`);
    process.exit(1);
  }
  process.stderr.write(`autorisk: internal error: ${e?.message ?? String(err)}\n`);
  if (process.env.AUTORISK_DEBUG) console.error(err);
  process.exit(2);
}
