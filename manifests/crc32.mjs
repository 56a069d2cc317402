/** CRC-32 (IEEE 802.3, the checksum PNG chunks and ZIP entries use), table-driven and dependency-free. */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The CRC-32 of `bytes`, optionally continuing from `previous`.
 * @see https://www.w3.org/TR/png-3/#samplecrc
 * @param {Uint8Array} bytes
 * @param {number} [previous]
 * @returns {number}
 */
export function crc32(bytes, previous = 0) {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (const byte of bytes) c = TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
