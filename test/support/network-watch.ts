/**
 * Preloaded into a build (NODE_OPTIONS=--import=<this file>) to record every
 * attempt to reach another host: each DNS lookup or socket connection to a
 * host other than this machine is appended, one line each, to the file named
 * by NETWORK_WATCH_LOG. The attempt itself goes on; the test reads the file.
 */
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const log = process.env.NETWORK_WATCH_LOG;
const isLocal = (host: unknown) =>
  host === undefined || host === null || host === '' || host === 'localhost' || host === '127.0.0.1' || host === '::1';
const record = (line: string) => {
  if (log) appendFileSync(log, `${line}\n`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = (typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }) as {
    host?: string;
    port?: unknown;
    path?: string;
  };
  if (!target.path && !isLocal(target.host)) record(`connect ${target.host}:${String(target.port)}`);
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof connect;

const lookup = dns.lookup;
dns.lookup = ((hostname: string, ...rest: unknown[]) => {
  if (!isLocal(hostname)) record(`lookup ${hostname}`);
  return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
}) as typeof dns.lookup;

syncBuiltinESMExports();
