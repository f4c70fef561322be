#!/usr/bin/env node
import { runCli } from './program';

/** The `hazardflow` executable: runs the program on the process's arguments and sets the exit code. */
process.exitCode = await runCli(process.argv.slice(2));
