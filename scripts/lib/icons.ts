import { PNG } from 'pngjs';

/** An RGBA image: `data` holds width * height * 4 bytes, row by row. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

/** The accent colour of the app (a calm municipal blue), also used as `accentColor` in the manifest. */
export const ACCENT_COLOR = '#1F5F8B';

const ACCENT_RGB: Rgb = [0x1f, 0x5f, 0x8b];
const WHITE: Rgb = [255, 255, 255];

// The glyph lives in the unit square: a house (day care) with a check mark (a follow-up task) cut out of it.
// The colour icon leaves a margin around it, the outline icon fills its own, smaller canvas.
const HOUSE: readonly Point[] = [
  [0.5, 0.12],
  [0.9, 0.46],
  [0.82, 0.46],
  [0.82, 0.9],
  [0.18, 0.9],
  [0.18, 0.46],
  [0.1, 0.46],
];
const CHECK: readonly Point[] = [
  [0.33, 0.66],
  [0.45, 0.77],
  [0.67, 0.54],
];
const CHECK_HALF_WIDTH = 0.055;

function insidePolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

function onPolyline(x: number, y: number, line: readonly Point[], halfWidth: number): boolean {
  for (let i = 1; i < line.length; i++) {
    if (distanceToSegment(x, y, line[i - 1]!, line[i]!) <= halfWidth) return true;
  }
  return false;
}

/** True where the white glyph is, in unit-square coordinates. */
function insideGlyph(x: number, y: number): boolean {
  return insidePolygon(x, y, HOUSE) && !onPolyline(x, y, CHECK, CHECK_HALF_WIDTH);
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * Renders an image by supersampling: `shade(x, y)` gives the colour and coverage of one sample point in the unit
 * square; each pixel averages `samples * samples` points, which anti-aliases edges without any randomness.
 */
function render(size: number, samples: number, shade: (x: number, y: number) => { rgb: Rgb; alpha: number }): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const { rgb, alpha } = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          r += rgb[0] * alpha;
          g += rgb[1] * alpha;
          b += rgb[2] * alpha;
          a += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      // Colours are averaged over the covered samples only (premultiplied), so edges do not darken.
      data[offset] = a === 0 ? 255 : Math.round(r / a);
      data[offset + 1] = a === 0 ? 255 : Math.round(g / a);
      data[offset + 2] = a === 0 ? 255 : Math.round(b / a);
      data[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return { width: size, height: size, data };
}

/** The 192x192 full-colour icon: a blue rounded square with the white glyph. */
export function renderColorIcon(): RgbaImage {
  const margin = 0.17;
  return render(192, 4, (x, y) => {
    if (!insideRoundedSquare(x, y, 0.2)) return { rgb: WHITE, alpha: 0 };
    const gx = (x - margin) / (1 - 2 * margin);
    const gy = (y - margin) / (1 - 2 * margin);
    return { rgb: insideGlyph(gx, gy) ? WHITE : ACCENT_RGB, alpha: 1 };
  });
}

/** The 32x32 outline icon: the white glyph on transparent, every pixel white with some alpha. */
export function renderOutlineIcon(): RgbaImage {
  const margin = 0.04;
  return render(32, 8, (x, y) => {
    const gx = (x - margin) / (1 - 2 * margin);
    const gy = (y - margin) / (1 - 2 * margin);
    return { rgb: WHITE, alpha: insideGlyph(gx, gy) ? 1 : 0 };
  });
}

/** Encodes an image as PNG bytes. */
export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  return PNG.sync.write(png);
}

/** Decodes PNG bytes into an RGBA image. */
export function decodePng(bytes: Buffer): RgbaImage {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}
