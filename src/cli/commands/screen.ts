import type { Command } from "commander";
import type { CliContext } from "../context.js";

// Commands of this capability are added here by its owner.
export function registerScreen(_program: Command, _ctx: CliContext): void {}
