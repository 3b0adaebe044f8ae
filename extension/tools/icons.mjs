// Draws the toolbar/store icons (a shield with a check mark) as PNGs at build time,
// so the repository holds no binary images.
import { deflateSync } from 'node:zlib';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function pixel(x, y) {
  // Unit coordinates: shield = rectangle top half, tapering to a point at the bottom.
  const halfW = y < 0.5 ? 0.4 : 0.4 * (1 - (y - 0.5) / 0.45);
  const inShield = y > 0.06 && y < 0.95 && Math.abs(x - 0.5) < halfW;
  if (!inShield) return [0, 0, 0, 0];
  // Check mark: two strokes.
  const d1 = Math.abs((y - 0.55) - (x - 0.33)) / Math.SQRT2;
  const d2 = Math.abs((y - 0.66) + (x - 0.44)) / Math.SQRT2;
  const onStroke1 = x > 0.3 && x < 0.45 && d1 < 0.055;
  const onStroke2 = x > 0.42 && x < 0.72 && d2 < 0.055;
  return onStroke1 || onStroke2 ? [255, 255, 255, 255] : [26, 115, 232, 255];
}

export function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // 4x supersampling for smooth edges.
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const p = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
        for (let i = 0; i < 4; i++) acc[i] += p[i] * (i < 3 ? p[3] / 255 : 1);
      }
      const a = acc[3] / 16;
      for (let i = 0; i < 3; i++) row[1 + x * 4 + i] = a ? Math.round(acc[i] / 16 / (a / 255)) : 0;
      row[1 + x * 4 + 3] = Math.round(a);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function writeIcons(dir) {
  await mkdir(dir, { recursive: true });
  for (const s of [16, 32, 48, 128]) await writeFile(path.join(dir, `${s}.png`), png(s));
}
