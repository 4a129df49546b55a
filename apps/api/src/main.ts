import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from './app/config/config';
import { runServerProcess } from './app/process-lifecycle';

const builtWeb = resolve(__dirname, '../web/browser');
void runServerProcess(() => loadConfig(process.env, { webDist: existsSync(builtWeb) ? builtWeb : null }));
