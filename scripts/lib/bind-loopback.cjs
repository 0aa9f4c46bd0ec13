'use strict';
/**
 * A `node --require` preload that keeps every TCP server of the process on the loopback interface.
 *
 * The Agents Playground listens on all interfaces and has no option to change that; with this preload a
 * `listen(port)` or `listen(port, '0.0.0.0' | '::')` binds 127.0.0.1 instead, so the playground (which has no
 * authentication) is never reachable from the network. Each bound address is reported on stderr as
 * `[bind-loopback] listening on 127.0.0.1:<port>`, which lets the caller find a port chosen at random.
 */
const net = require('node:net');

const WILDCARD_HOSTS = new Set([undefined, null, '', '0.0.0.0', '::', '0:0:0:0:0:0:0:0']);
const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;
const reported = new WeakSet();

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listen(...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first) && !('_handle' in first) && !('fd' in first)) {
    // listen(options[, callback]): leave pipes (options.path) alone.
    if (first.path === undefined && WILDCARD_HOSTS.has(first.host)) args[0] = { ...first, host: LOOPBACK };
  } else if (isPort(first) || first === undefined || typeof first === 'function') {
    // listen([port[, host[, backlog]]][, callback])
    const callbackIndex = args.findIndex((arg) => typeof arg === 'function');
    const positional = callbackIndex === -1 ? args : args.slice(0, callbackIndex);
    const rest = callbackIndex === -1 ? [] : args.slice(callbackIndex);
    const [port = 0, host, backlog] = positional;
    const pinned = WILDCARD_HOSTS.has(host) ? LOOPBACK : host;
    args = [port, pinned, ...(backlog === undefined ? [] : [backlog]), ...rest];
  }
  if (!reported.has(this)) {
    reported.add(this);
    this.prependOnceListener('listening', () => {
      const address = this.address();
      if (address && typeof address === 'object') {
        process.stderr.write(`[bind-loopback] listening on ${address.address}:${address.port}\n`);
      }
    });
  }
  return originalListen.apply(this, args);
};
