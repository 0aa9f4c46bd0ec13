/**
 * The PostgreSQL tests fail, never skip, without Debian's server package, and say how to install it.
 */
import { describe, expect, it } from 'vitest';
import { findPostgresBin } from '../helpers/postgres-cluster.js';

describe('findPostgresBin', () => {
  it('names the missing binaries and the install command', () => {
    expect(() => findPostgresBin('/nonexistent/postgresql')).toThrow(
      /PostgreSQL server binaries not found \(looked for \/nonexistent\/postgresql\/<version>\/bin\/initdb\).*create_main_cluster = false.*apt-get install -y postgresql/s,
    );
  });

  it('finds the newest installed major version', () => {
    expect(findPostgresBin()).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/);
  });
});
