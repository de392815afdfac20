/**
 * What every CLI command gets: the global options and a lazily opened store. Commands throw UserError for
 * anything the user can fix (bad file, unknown entity); main.ts prints its message as one line and exits 1.
 */
import type { Store } from "../store/store.js";
import { openStore } from "../store/open.js";
import { InputError } from "../model/errors.js";

/** A mistake the user can fix; an InputError, so core code and the CLI report it the same way. */
export class UserError extends InputError {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = "UserError";
  }
}

export interface GlobalOptions {
  db?: string;
}

export class CliContext {
  private opened?: Promise<Store>;
  constructor(readonly options: () => GlobalOptions) {}

  /** Opens the store once (migrating it and loading the demo data on first start). */
  store(): Promise<Store> {
    this.opened ??= openStore({ db: this.options().db });
    return this.opened;
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened).close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}
