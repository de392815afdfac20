/**
 * An error in what the user gave us (a file, a line, a field), as opposed to a bug. The CLI prints its
 * message as one line and exits non-zero; the API answers 400. Messages name the place and what was wrong.
 */
export class InputError extends Error {
  constructor(message: string, readonly place?: { file?: string; line?: number; field?: string }) {
    super(message);
    this.name = "InputError";
  }
}
