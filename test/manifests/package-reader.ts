/** Reads what the manifest generator wrote with libraries of its own (fflate, pngjs): ZIP entries, PNG headers and pixels. */
import { unzipSync } from 'fflate';
import pngjs from 'pngjs';

/**
 * The files of a ZIP archive by name, inflated.
 * @see https://github.com/101arrowz/fflate#usage
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => [name, Buffer.from(data)]));
}

export type Png = { width: number; height: number; colorType: number; rgba: Buffer };

/**
 * A PNG's size, its colour type as stored in IHDR, and its pixels as 8-bit RGBA.
 * @see https://www.w3.org/TR/png-3/#11IHDR
 */
export function readPng(png: Buffer): Png {
  const image = pngjs.PNG.sync.read(png);
  return { width: image.width, height: image.height, colorType: png[25]!, rgba: image.data };
}
