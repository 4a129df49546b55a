import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from './app/config/config';
import { type RunningServer, startServer } from './app/server';

const logger = new Logger('Tracker');

async function main(): Promise<void> {
  let server: RunningServer;
  try {
    const builtWeb = resolve(__dirname, '../web/browser');
    const config = loadConfig(process.env, { webDist: existsSync(builtWeb) ? builtWeb : null });
    server = await startServer(config);
    logger.log(`Work Plan tracker ready at http://localhost:${new URL(server.url).port} (API docs at /api/docs)`);
  } catch (error) {
    // A failed start ends with exactly one plain line on stderr (no logger prefix): operators and
    // the start-up tests read it as is.
    console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.log(`${signal} received: stopping the server and the database`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void main();
