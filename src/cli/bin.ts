#!/usr/bin/env node
import { main } from '../main.js';

// `sargas lists versions | head -1`: the reader went away, which is not an error of ours. The
// command still runs to its end (exiting here could cut an import's transaction short).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// Set the exit code rather than calling process.exit(), so piped stdout is flushed completely.
process.exitCode = await main(process.argv.slice(2));
