/** The app icon drawn in code: a ring with a check mark (an agreement kept), as the Teams colour and outline icons. */
import pngjs from 'pngjs';

/** Encodes 8-bit RGBA pixels as a PNG file. @see https://github.com/pngjs/pngjs#sync-api */
const encodePng = (width, height, rgba) => pngjs.PNG.sync.write(Object.assign(new pngjs.PNG({ width, height }), { data: Buffer.from(rgba) }));

/** Accent colour of the product (also the Teams `accentColor`). */
export const ACCENT = '#1F6B57';

/** Distance from point p to the segment a–b. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Whether a point of the unit square (0..1, y down) lies on the glyph. */
function onGlyph(x, y) {
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.41) <= 0.06;
  const check = Math.min(segmentDistance(x, y, 0.29, 0.52, 0.44, 0.67), segmentDistance(x, y, 0.44, 0.67, 0.72, 0.36)) <= 0.065;
  return ring || check;
}

const SUBSAMPLES = 4;

/** Coverage (0..1) of the glyph over one pixel, the glyph scaled into the box [inset, 1 - inset] of the image. */
function coverage(px, py, size, inset) {
  let hits = 0;
  const scale = 1 - 2 * inset;
  for (let sy = 0; sy < SUBSAMPLES; sy++) {
    for (let sx = 0; sx < SUBSAMPLES; sx++) {
      const u = ((px + (sx + 0.5) / SUBSAMPLES) / size - inset) / scale;
      const v = ((py + (sy + 0.5) / SUBSAMPLES) / size - inset) / scale;
      if (onGlyph(u, v)) hits++;
    }
  }
  return hits / (SUBSAMPLES * SUBSAMPLES);
}

function hexToRgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The full-colour icon: white glyph on the accent colour, 192×192.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-package#color-icon
 * @returns {Buffer}
 */
export function colorIcon(size = 192) {
  const [r, g, b] = hexToRgb(ACCENT);
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, size, 0.2);
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(r + (255 - r) * a);
      rgba[i + 1] = Math.round(g + (255 - g) * a);
      rgba[i + 2] = Math.round(b + (255 - b) * a);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

/**
 * The outline icon: the glyph in white on a transparent background, 32×32 (Teams accepts only white and transparent).
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-package#outline-icon
 * @returns {Buffer}
 */
export function outlineIcon(size = 32) {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      rgba[i] = 255;
      rgba[i + 1] = 255;
      rgba[i + 2] = 255;
      rgba[i + 3] = Math.round(255 * coverage(x, y, size, 0.03));
    }
  }
  return encodePng(size, size, rgba);
}
