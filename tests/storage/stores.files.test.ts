/**
 * The store contract on the file backend (lowdb files in a temporary STATE_DIR).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openFileStores } from '../../src/storage/file-stores.js';
import type { BotStores } from '../../src/storage/stores.js';
import { describeStoreContract } from './contract/store-contract.js';

const quiet = { info() {}, warn() {}, error() {} };

describeStoreContract('files', {
  async open(now) {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), 'stores-contract-'));
    let current: BotStores = await openFileStores({ stateDir, logger: quiet, now });
    return {
      stores: current,
      async reopen(later) {
        await current.close();
        current = await openFileStores({ stateDir, logger: quiet, now: later });
        return current;
      },
      async close() {
        await current.close();
        await rm(stateDir, { recursive: true, force: true });
      },
    };
  },
});
