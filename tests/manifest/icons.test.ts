import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_DIR, checkIcon, countNonWhiteOpaquePixels } from '../../scripts/lib/app-package.js';
import { decodePng, encodePng, renderColorIcon, renderOutlineIcon } from '../../scripts/lib/icons.js';

describe('app icons', () => {
  it('has a 192x192 colour icon and a 32x32 outline icon', async () => {
    const color = decodePng(await readFile(join(MANIFEST_DIR, 'color.png')));
    const outline = decodePng(await readFile(join(MANIFEST_DIR, 'outline.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('draws the outline icon in white on transparent only, with a visible glyph', async () => {
    const outline = decodePng(await readFile(join(MANIFEST_DIR, 'outline.png')));
    expect(countNonWhiteOpaquePixels(outline)).toBe(0);
    const opaque = outline.data.filter((_, i) => i % 4 === 3 && outline.data[i] === 255).length;
    expect(opaque).toBeGreaterThan(100);
  });

  it('draws the colour icon in more than one colour', async () => {
    const color = decodePng(await readFile(join(MANIFEST_DIR, 'color.png')));
    expect(countNonWhiteOpaquePixels(color)).toBeGreaterThan(192 * 192 * 0.3);
  });

  it('commits exactly what scripts/make-icons.ts generates', async () => {
    const color = decodePng(await readFile(join(MANIFEST_DIR, 'color.png')));
    const outline = decodePng(await readFile(join(MANIFEST_DIR, 'outline.png')));
    expect(Buffer.from(color.data).equals(Buffer.from(renderColorIcon().data))).toBe(true);
    expect(Buffer.from(outline.data).equals(Buffer.from(renderOutlineIcon().data))).toBe(true);
  });
});

describe('checkIcon', () => {
  it('refuses an outline icon with a coloured pixel', () => {
    const image = renderOutlineIcon();
    const data = Uint8Array.from(image.data);
    data.set([0x1f, 0x5f, 0x8b, 255], (16 * 32 + 16) * 4);
    expect(checkIcon('outline.png', encodePng({ ...image, data }), 'outline')).toEqual([
      'outline.png: the outline icon must be white on transparent; 1 pixels are neither',
    ]);
  });

  it('refuses an icon of the wrong size', () => {
    expect(checkIcon('color.png', encodePng(renderOutlineIcon()), 'color')).toEqual([
      'color.png: the color icon must be 192x192 pixels, it is 32x32',
    ]);
  });

  it('refuses a file that is not a PNG', () => {
    expect(checkIcon('color.png', Buffer.from('GIF89a'), 'color')[0]).toMatch(/^color\.png: not a PNG/);
  });

  it('accepts the generated icons', () => {
    expect(checkIcon('color.png', encodePng(renderColorIcon()), 'color')).toEqual([]);
    expect(checkIcon('outline.png', encodePng(renderOutlineIcon()), 'outline')).toEqual([]);
  });
});
