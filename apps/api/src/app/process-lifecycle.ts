import { Logger } from '@nestjs/common';
import type { AppConfig } from './config/config';
import { createLogger } from './logging/logging';
import { type RunningServer, startServer } from './server';

const logger = new Logger('Tracker');

/**
 * The process around the server: starts it; ends a failed start with one plain line and exit code
 * 1, whatever way it fails (a thrown error, an error event nobody handled, or a start that stalls
 * with nothing left to wait for); exits with code 1 when the embedded database stops under it; and
 * stops the server and its database on SIGINT or SIGTERM.
 */
export async function runServerProcess(loadConfig: () => AppConfig): Promise<void> {
  // Structured logs (pino) for every Logger of the process, the server's included.
  const pinoLogger = createLogger(process.env['NODE_ENV'] || 'development');
  Logger.overrideLogger(pinoLogger);
  const onUncaught = (error: unknown) => failStart(error);
  const onStall = () => failStart(new Error('the start stopped half-way with nothing left to wait for; see the lines above'));
  process.on('uncaughtException', onUncaught);
  process.on('beforeExit', onStall);
  let server: RunningServer;
  try {
    server = await startServer(loadConfig(), { logger: pinoLogger });
  } catch (error) {
    failStart(error);
  } finally {
    process.off('uncaughtException', onUncaught);
    process.off('beforeExit', onStall);
  }
  logger.log(`Work Plan tracker ready at http://localhost:${new URL(server.url).port} (API docs at /api/docs)`);

  let stopping = false;
  void server.databaseLost?.then((reason) => {
    if (!stopping) {
      stopping = true;
      // Said once the server is closed, so that the driver's reports of the lost connections come
      // before it and this line is the last.
      void server.close().finally(() => {
        console.error(`Stopping: ${reason}; start the tracker again (npm start)`);
        process.exit(1);
      });
    }
  });
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

/**
 * A failed start ends with exactly one plain line on stderr (no logger prefix): operators and the
 * start-up tests read it as is.
 */
export function failStart(error: unknown): never {
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
