// The nginx half of the third yardstick (nginx → Node app, tools/bench/nginx-app.ts): Debian's
// nginx, installed when missing, run in the foreground from a config file written into a
// temp dir, one worker, on a free loopback port, stopped by its PID. Not part of certgate.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { descendants, onCpus } from './pinning';

const DEBIAN_BINARY = '/usr/sbin/nginx';

function nginxBinary(): string | undefined {
  if (spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0) return 'nginx';
  return existsSync(DEBIAN_BINARY) ? DEBIAN_BINARY : undefined;
}

/** `nginx/1.22.1`: what `nginx -v` says (on stderr). */
function versionOf(binary: string): string {
  const said = spawnSync(binary, ['-v'], { encoding: 'utf8' });
  return /nginx\/\S+/.exec(`${said.stderr}${said.stdout}`)?.[0] ?? 'nginx';
}

/** The nginx binary, installed with apt-get when missing and running as root; else why the yardstick is skipped. */
export function ensureNginx(): { binary: string; version: string } | { skipped: string } {
  const found = nginxBinary();
  if (found) return { binary: found, version: versionOf(found) };
  if (process.getuid?.() !== 0) {
    return {
      skipped: 'nginx is not installed and the bench is not root: install it (sudo apt-get install -y nginx) to measure the nginx → Node app yardstick',
    };
  }
  process.stderr.write('bench: nginx is missing, installing Debian’s (apt-get install -y nginx)\n');
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  // Empty package lists (a fresh container) need an update first.
  if (!apt(['install', '-y', '-qq', 'nginx']) && apt(['update', '-qq'])) apt(['install', '-y', '-qq', 'nginx']);
  const installed = nginxBinary();
  return installed
    ? { binary: installed, version: versionOf(installed) }
    : { skipped: 'apt-get install -y nginx failed (see above): the nginx → Node app yardstick is skipped' };
}

export interface NginxOptions {
  binary: string;
  /** A directory of the bench's own for the config, pid file, error log and temp paths. */
  dir: string;
  port: number;
  upstreamPort: number;
  /** Server chain and key, and the root the client certificates must chain to. */
  cert: string;
  key: string;
  clientRoot: string;
  /** CPUs to run on (taskset), or undefined. */
  cpus?: string;
}

export interface RunningNginx {
  /** The master process. */
  pid: number;
  /** The master and its worker (for the CPU table). */
  pids: number[];
  stop(): Promise<void>;
}

/**
 * The config: TLS 1.3 only, client certificates required and verified against the bench
 * PKI's root (leaf → issuing CA → root: depth 2), no session resumption (the load client
 * asks for none either), and every request proxied over HTTP/1.1 keep-alive to the app
 * with the verdict and the certificate's fingerprint in headers (nginx drops any client
 * header of the same name).
 */
export function nginxConfig(o: NginxOptions): string {
  const d = (name: string) => join(o.dir, name);
  return `worker_processes 1;
pid ${d('nginx.pid')};
error_log ${d('error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/plain;
  # The body phase's bodies stay in memory, as the ingress keeps them.
  client_body_buffer_size 64k;
  client_body_temp_path ${d('client_body')};
  proxy_temp_path ${d('proxy')};
  fastcgi_temp_path ${d('fastcgi')};
  uwsgi_temp_path ${d('uwsgi')};
  scgi_temp_path ${d('scgi')};
  upstream app {
    server 127.0.0.1:${o.upstreamPort};
    keepalive 64;
    keepalive_requests 1000000000;
  }
  server {
    listen 127.0.0.1:${o.port} ssl;
    ssl_certificate ${o.cert};
    ssl_certificate_key ${o.key};
    ssl_protocols TLSv1.3;
    ssl_client_certificate ${o.clientRoot};
    ssl_verify_client on;
    ssl_verify_depth 2;
    # Tickets as nginx ships them (on, a key per start): the load client decides whether a connection resumes.
    ssl_session_cache off;
    ssl_session_tickets on;
    keepalive_requests 1000000000;
    keepalive_timeout 75s;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Client-Verify $ssl_client_verify;
      proxy_set_header X-Client-Fingerprint $ssl_client_fingerprint;
    }
  }
}
`;
}

/** Starts nginx in the foreground (`-g 'daemon off;'`) and waits until it accepts connections. */
export async function startNginx(o: NginxOptions): Promise<RunningNginx> {
  mkdirSync(o.dir, { recursive: true });
  const conf = join(o.dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig(o));
  // -e: the error log before the config is read (else the compiled-in /var/log/nginx/error.log).
  const [file, args] = onCpus(o.cpus, o.binary, ['-p', o.dir, '-e', join(o.dir, 'error.log'), '-c', conf, '-g', 'daemon off;']);
  const child = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  let gone = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => ((gone = true), resolve())));
  const pid = child.pid;
  const errorLog = () => {
    try {
      return readFileSync(join(o.dir, 'error.log'), 'utf8').trim().split('\n').slice(-5).join('\n');
    } catch {
      return '';
    }
  };
  let workers: number[] = [];
  const stop = async () => {
    if (pid === undefined || gone) return;
    workers = workers.length ? workers : descendants(pid);
    // SIGTERM: nginx's fast shutdown; the master stops its worker.
    process.kill(pid, 'SIGTERM');
    const timer = setTimeout(() => !gone && process.kill(pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    // A worker left behind (the master killed): stop it by its PID too.
    for (const w of workers) {
      try {
        if (readFileSync(`/proc/${w}/cmdline`, 'utf8').includes('nginx')) process.kill(w, 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
  };
  if (pid === undefined) throw new Error(`could not start ${o.binary}`);
  const deadline = Date.now() + 10_000;
  while (!(await accepts(o.port))) {
    if (gone || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start on port ${o.port}: ${stderr.join('').trim()} ${errorLog()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  workers = descendants(pid);
  return { pid, pids: [pid, ...workers], stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
