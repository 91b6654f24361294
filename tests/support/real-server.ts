import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../server/src/config";

/**
 * A free loopback port: the system picks one for a listener that is closed at once. The
 * server process is then told that port, since from outside we cannot read back a port 0.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A temporary folder for database files, removed by `remove()`. */
export function temporaryFolder(prefix = "eig-real-"): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface RealServer {
  baseUrl: string;
  /** The server's own pid: `node --import tsx` runs main.ts in this very process. */
  pid: number;
  child: ChildProcess;
  /** Everything printed so far on stdout and stderr. */
  stdout: () => string;
  stderr: () => string;
  /** Resolves when the process has ended, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => void;
}

const running = new Set<ChildProcess>();
// A failing test must not leave a server behind holding its port and its database.
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts the real server (`server/src/main.ts`) in its own process on `databasePath`, as
 * `npm start` would but without the client build, and waits until it serves.
 */
export async function startRealServer({
  databasePath,
  env = {},
  timeoutMs = 20_000,
}: {
  databasePath: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<RealServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: "warn", ...env, DATABASE_PATH: databasePath, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );

  // Serving once the server says so; a stop or the time limit first is a failure, with its output.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      settle(new Error(`The server did not start within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    const onOutput = () => {
      if (stdout.includes("Tableau de bord servi sur")) settle();
    };
    const onExit = () => settle(new Error(`The server stopped before serving (${child.exitCode ?? child.signalCode}):\n${stdout}\n${stderr}`));
    function settle(error?: Error) {
      clearTimeout(timer);
      child.stdout!.off("data", onOutput);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout!.on("data", onOutput);
    child.on("exit", onExit);
    onOutput();
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    kill: (signal) => child.kill(signal),
  };
}

/** The tools speak the shell's language (LANG): the tests read them in French unless they ask otherwise. */
export const FRENCH_CLI = { LANG: "fr_FR.UTF-8", LC_ALL: "", LC_MESSAGES: "" };

/** Runs one of the command-line tools (`server/src/cli/NAME.ts`) on `databasePath`. */
export function runCli(name: string, args: string[], databasePath: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["--import", "tsx", `server/src/cli/${name}.ts`, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...FRENCH_CLI, ...env, DATABASE_PATH: databasePath },
    encoding: "utf8",
    timeout: 30_000,
  });
}

/** `runCli` without blocking the test's event loop: for a tool that runs while the test keeps writing. */
export function runCliAsync(
  name: string,
  args: string[],
  databasePath: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `server/src/cli/${name}.ts`, ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...FRENCH_CLI, ...env, DATABASE_PATH: databasePath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}
