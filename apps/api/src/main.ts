import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app/config/config';
import { type RunningServer, StartupError, startServer } from './app/server';

async function main(): Promise<void> {
  let server: RunningServer;
  try {
    const builtWeb = resolve(__dirname, '../web/browser');
    const config = loadConfig(process.env, { webDist: existsSync(builtWeb) ? builtWeb : null });
    server = await startServer(config);
    console.log(`Work Plan tracker ready at http://localhost:${new URL(server.url).port} (API docs at /api/docs)`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      console.error(`Cannot start: ${error.message}`);
    } else {
      console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`${signal} received: stopping the server and the database`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void main();
