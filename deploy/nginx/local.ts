// A real nginx for the proxy test and bench:cluster: the shipped template rendered like envsubst
// would, run unprivileged in its own prefix (pid, logs, temp and cache dirs) on free ports.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const templatePath = join(import.meta.dirname, "shop.conf.template");
const NOBODY = 65534;

function nginxBinary(configured: string | undefined): string {
  const found = [configured, "/usr/sbin/nginx", "/usr/bin/nginx"].find((path): path is string =>
    Boolean(path && existsSync(path)),
  );
  if (!found)
    throw new Error("No nginx for the reverse-proxy test: `sudo apt-get install -y nginx-light` (or set NGINX_PATH).");
  return found;
}

/** Fills ${NAME} placeholders; a placeholder without a value is an error, as a typo would be. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for \${${name}}`);
    return value;
  });
}

export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** A throwaway CA-less certificate for localhost and 127.0.0.1, made with openssl. */
export function selfSignedCertificate(dir: string) {
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  return { cert, key, pem: readFileSync(cert) };
}

function chownTree(path: string, uid: number) {
  chownSync(path, uid, uid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), uid);
}

async function waitForPort(port: number, child: ChildProcess, log: () => string) {
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}:\n${log()}`);
}

export type Nginx = { httpsPort: number; httpPort: number; ca: Buffer; pid: number; stop(): Promise<void> };
type Options = { binary?: string; workers?: number | "auto" };

/** nginx (`binary`: NGINX_PATH) in front of `upstreams` (host:port), terminating TLS with a fresh certificate. */
export async function startNginx(upstreams: string[], options: Options = {}): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), "shop-nginx-"));
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  const tls = selfSignedCertificate(prefix);
  const site = renderTemplate(readFileSync(templatePath, "utf8"), {
    SHOP_SERVER_NAME: "localhost",
    SHOP_PUBLIC_ORIGIN: `https://localhost:${httpsPort}`,
    SHOP_HTTP_LISTEN: `127.0.0.1:${httpPort}`,
    SHOP_HTTPS_LISTEN: `127.0.0.1:${httpsPort}`,
    SHOP_TLS_CERT: tls.cert,
    SHOP_TLS_KEY: tls.key,
    SHOP_UPSTREAMS: upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=5s;`).join(" "),
    SHOP_CACHE_DIR: join(prefix, "cache"),
  });
  writeFileSync(join(prefix, "shop.conf"), site);
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`;
  writeFileSync(
    join(prefix, "nginx.conf"),
    [
      "daemon off;",
      `worker_processes ${options.workers ?? 1};`,
      `pid ${join(prefix, "nginx.pid")};`,
      `error_log ${join(prefix, "error.log")} warn;`,
      "events { worker_connections 256; }",
      "http {",
      `  access_log ${join(prefix, "access.log")};`,
      `  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
      `  include ${join(prefix, "shop.conf")};`,
      "}",
    ].join("\n"),
  );
  // Never as root: if the tests run as root, nginx runs as nobody, which owns only its prefix.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(prefix, 0o755);
    chownTree(prefix, NOBODY);
  }
  const child = spawn(
    nginxBinary(options.binary),
    ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-e", join(prefix, "error.log")],
    {
      stdio: ["ignore", "ignore", "pipe"],
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const log = () => {
    try {
      return `${stderr}${readFileSync(join(prefix, "error.log"), "utf8")}`;
    } catch {
      return stderr;
    }
  };
  try {
    await waitForPort(httpsPort, child, log);
  } catch (error) {
    child.kill("SIGTERM");
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    httpsPort,
    httpPort,
    ca: tls.pem,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
