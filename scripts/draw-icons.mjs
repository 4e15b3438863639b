#!/usr/bin/env node
// Draws the HR Competency add-in icon and writes assets/icon-{16,32,64,80}.png (RGBA).
// No dependencies: shapes are sampled 4x4 per pixel for anti-aliasing, and the PNG is written
// with node:zlib plus our own CRC32 and chunk writer.
//
// The icon: a deep teal rounded square with three white ascending bars (career levels) and a
// white check mark above the lower bars (criteria met). Each size has its own pixel layout, with
// bar edges on whole pixels so the small sizes stay crisp rather than being a scaled-down 80.
//
// Usage: node scripts/draw-icons.mjs [outDir]   (default: assets/ next to scripts/)
import { mkdirSync, writeFileSync } from "node:fs";
import { Buffer } from "node:buffer";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** Supersampling grid per pixel side: 4 gives 16 samples per pixel. */
const SS = 4;
const TEAL_TOP = [0x13, 0x7a, 0x69];
const TEAL_BOTTOM = [0x0c, 0x5e, 0x50];
const WHITE = [0xff, 0xff, 0xff];

/**
 * Per-size layout in pixels. inset/radius: the rounded square; bars: [left, right, top] with a
 * shared bottom `base`; barRadius rounds the bars' top corners; check: the check mark's three
 * points and its stroke half-width (null to leave it out).
 */
const LAYOUTS = {
  16: {
    inset: 0, radius: 3,
    base: 13, barRadius: 0,
    bars: [[4, 6, 10], [7, 9, 7], [10, 12, 4]],
    check: { points: [[2.6, 4.6], [4.3, 6.3], [7.6, 2.9]], half: 0.8 },
  },
  32: {
    inset: 1, radius: 6.5,
    base: 26, barRadius: 0.8,
    bars: [[8, 12, 20], [14, 18, 15], [20, 24, 9]],
    check: { points: [[6.4, 11.2], [9.4, 14.2], [15.2, 7.6]], half: 1.35 },
  },
  64: {
    inset: 2, radius: 13,
    base: 52, barRadius: 1.8,
    bars: [[13, 23, 40], [27, 37, 30], [41, 51, 18]],
    check: { points: [[13, 23], [19, 29], [30, 16]], half: 2.5 },
  },
  80: {
    inset: 2.5, radius: 16.5,
    base: 65, barRadius: 2.2,
    bars: [[17, 29, 50], [34, 46, 37], [51, 63, 23]],
    check: { points: [[16.5, 28.5], [24, 36], [37.5, 20]], half: 3.1 },
  },
};

function insideRoundedRect(x, y, left, top, right, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = x < left + r ? left + r : x > right - r ? right - r : x;
  const cy = y < top + r ? top + r : y > bottom - r ? bottom - r : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

/** A bar with rounded top corners and a square bottom. */
function insideBar(x, y, left, right, top, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  if (r <= 0 || y > top + r) return true;
  return insideRoundedRect(x, y, left, top, right, bottom + r, r);
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const dx = x - (ax + t * vx);
  const dy = y - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function insideCheck(x, y, check) {
  if (!check) return false;
  const [a, b, c] = check.points;
  return distanceToSegment(x, y, a, b) <= check.half || distanceToSegment(x, y, b, c) <= check.half;
}

/** The colour of one sample point, or null where the icon is transparent. */
function sample(size, layout, x, y) {
  const { inset, radius } = layout;
  if (!insideRoundedRect(x, y, inset, inset, size - inset, size - inset, radius)) return null;
  for (const [left, right, top] of layout.bars) {
    if (insideBar(x, y, left, right, top, layout.base, layout.barRadius)) return WHITE;
  }
  if (insideCheck(x, y, layout.check)) return WHITE;
  // A gentle top-to-bottom shade of the teal.
  const t = (y - inset) / (size - 2 * inset);
  return TEAL_TOP.map((v, i) => v + (TEAL_BOTTOM[i] - v) * t);
}

/** Renders one size to RGBA bytes, averaging SS x SS samples per pixel with premultiplied alpha. */
export function renderIcon(size) {
  const layout = LAYOUTS[size];
  if (!layout) throw new Error(`no layout for size ${size}`);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SS * SS;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const colour = sample(size, layout, px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / n);
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA bytes as a PNG: 8-bit RGBA, no interlace, filter type 0 on every row. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const SIZES = [16, 32, 64, 80];

function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const outDir = path.resolve(process.argv[2] ?? path.join(here, "..", "assets"));
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
