import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PRELOAD = fileURLToPath(new URL('../../scripts/lib/bind-loopback.cjs', import.meta.url));

/** Runs `listenCall` (a server method call as source text) in a fresh node with or without the preload. */
async function boundAddress(listenCall: string, preload = true): Promise<{ address: string; stderr: string }> {
  const program = `
    const server = require('node:http').createServer();
    server.on('listening', () => { console.log(server.address().address); server.close(); });
    server.${listenCall};`;
  const { stdout, stderr } = await run(process.execPath, [...(preload ? ['--require', PRELOAD] : []), '-e', program]);
  return { address: stdout.trim(), stderr };
}

describe('bind-loopback preload', () => {
  it.each([
    'listen(0)',
    'listen()',
    "listen(0, '0.0.0.0')",
    "listen(0, '::')",
    "listen('0')",
    'listen({ port: 0 })',
    "listen({ port: 0, host: '0.0.0.0' })",
    'listen(0, () => {})',
    "listen(0, '0.0.0.0', 511, () => {})",
  ])('pins %s to 127.0.0.1', async (call) => {
    const { address, stderr } = await boundAddress(call);
    expect(address).toBe('127.0.0.1');
    expect(stderr).toMatch(/^\[bind-loopback\] listening on 127\.0\.0\.1:\d+$/m);
  });

  it('leaves an explicit host alone', async () => {
    expect((await boundAddress("listen(0, '127.0.0.2')")).address).toBe('127.0.0.2');
  });

  it('is what makes the difference: without it, listen(0) binds every interface', async () => {
    expect(['::', '0.0.0.0']).toContain((await boundAddress('listen(0)', false)).address);
  });
});
