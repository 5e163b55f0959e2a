/**
 * A real LRS for the tests: Learning Locker's `xapi-statements` service (npm), started as a child process
 * with its in-memory storage and its test authentication, on an ephemeral loopback port. It is ready when
 * it says it listens (no timer). The cmi5 test LMS (cmi5-lms.ts) stores statements in it after its own
 * checks, as an LMS in front of its LRS does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RealLrs {
  /** The xAPI base URL, ending in "/". */
  endpoint: string;
  /** The Authorization header it accepts. */
  auth: string;
  stop(): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export async function startRealLrs(): Promise<RealLrs> {
  const port = await freePort();
  const storage = mkdtempSync(join(tmpdir(), 'xapi-statements-'));
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'node_modules/xapi-statements/dist/server.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      EXPRESS_PORT: String(port),
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      FS_LOCAL_STORAGE_DIR: storage,
      EXPRESS_MORGAN_DIRECTORY: storage,
      WINSTON_CONSOLE_LEVEL: 'info',
      SERVICE_AWAIT_UPDATES: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ok, fail) => {
    const onData = (c: Buffer) => {
      output += c.toString();
      if (/Listening on port/.test(output)) ok();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => fail(new Error(`xapi-statements exited (${code}) before listening:\n${output}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}/xAPI/`,
    auth: `Basic ${Buffer.from('cmi5-tests:cmi5-tests').toString('base64')}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(storage, { recursive: true, force: true });
    },
  };
}
