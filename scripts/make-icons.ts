/**
 * Generates the Teams app icons, manifest/color.png (192x192) and manifest/outline.png (32x32, white on
 * transparent), from the shapes in scripts/lib/icons.ts. Run with `npx tsx scripts/make-icons.ts`; the output is
 * the same on every run, and tests/manifest/icons.test.ts checks that the committed files match it.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { encodePng, renderColorIcon, renderOutlineIcon } from './lib/icons.js';

const manifestDir = fileURLToPath(new URL('../manifest/', import.meta.url));

await writeFile(`${manifestDir}color.png`, encodePng(renderColorIcon()));
await writeFile(`${manifestDir}outline.png`, encodePng(renderOutlineIcon()));
console.log(`Wrote ${manifestDir}color.png and ${manifestDir}outline.png`);
