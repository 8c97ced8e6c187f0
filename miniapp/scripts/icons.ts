/**
 * Draws the app's small PNGs in code, so they need no download and no design tool, and can be drawn
 * again the same byte for byte: the tab bar icons (81 × 81, WeChat's size; grey outline, and filled in
 * the brand colour when selected) and the weapp map's category markers from the same shapes and colours
 * as the H5 map (shared/map/style.ts).
 *
 *   npx tsx miniapp/scripts/icons.ts     # writes miniapp/src/assets/{tabbar,map}/*.png
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { MARKER_STYLES, shapeOutline, styleFileName } from '../../shared/map/style';

type Pt = readonly [number, number];
type Inside = (x: number, y: number) => boolean;
type Rgb = readonly [number, number, number];

const hex = (c: string): Rgb => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];

/** An RGBA canvas painted by coverage: 4 × 4 samples a pixel, so edges are smooth. */
class Canvas {
  readonly px: Float64Array;
  constructor(readonly w: number, readonly h: number) {
    this.px = new Float64Array(w * h * 4);
  }
  fill(inside: Inside, colour: string, alpha = 1): this {
    const [r, g, b] = hex(colour);
    for (let y = 0; y < this.h; y++) {
      for (let x = 0; x < this.w; x++) {
        let n = 0;
        for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) n++;
        if (n === 0) continue;
        const a = (n / 16) * alpha;
        const k = (y * this.w + x) * 4;
        const da = this.px[k + 3];
        const oa = a + da * (1 - a);
        for (const [c, v] of [[0, r], [1, g], [2, b]] as const) this.px[k + c] = (v * a + this.px[k + c] * da * (1 - a)) / oa;
        this.px[k + 3] = oa;
      }
    }
    return this;
  }
  png(): Buffer {
    const row = this.w * 4 + 1;
    const raw = Buffer.alloc(row * this.h);
    for (let y = 0; y < this.h; y++) {
      for (let x = 0; x < this.w; x++) {
        const k = (y * this.w + x) * 4;
        const a = this.px[k + 3];
        // Fully transparent pixels stay 0,0,0,0: it compresses better and means the same.
        if (a > 0) raw.set([this.px[k], this.px[k + 1], this.px[k + 2], a * 255].map(Math.round), y * row + 1 + x * 4);
      }
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.w, 0);
    ihdr.writeUInt32BE(this.h, 4);
    ihdr.set([8, 6, 0, 0, 0], 8);
    return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
  }
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let c = 0xffffffff;
  for (const b of body) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0, body.length + 4);
  return out;
}

// Shapes as "is this point inside" tests.
const segDist = (x: number, y: number, [ax, ay]: Pt, [bx, by]: Pt) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)));
  return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay));
};
const stroke = (pts: Pt[], width: number, closed = false): Inside => (x, y) => {
  const n = closed ? pts.length : pts.length - 1;
  for (let i = 0; i < n; i++) if (segDist(x, y, pts[i], pts[(i + 1) % pts.length]) <= width / 2) return true;
  return false;
};
const polygon = (pts: Pt[]): Inside => (x, y) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const disc = (cx: number, cy: number, r: number): Inside => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const ring = (cx: number, cy: number, r: number, w: number): Inside => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const and = (a: Inside, b: Inside): Inside => (x, y) => a(x, y) && b(x, y);
const not = (a: Inside): Inside => (x, y) => !a(x, y);
/** The classic heart curve (x² + y² − 1)³ ≤ x²y³, centred at (cx, cy), `s` px per unit. */
const heart = (cx: number, cy: number, s: number): Inside => (x, y) => {
  const u = (x - cx) / s;
  const v = -(y - cy) / s;
  return (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0;
};

const GREY = '#57534e';
const BRAND = '#c2410c';
const S = 81;
const W = 5;

/** Each tab: its outline (normal) and what is filled in when selected. */
const TABS: Record<string, { outline: Inside; filled: Inside }> = {
  home: {
    outline: (x, y) => stroke([[12, 40], [40.5, 14], [69, 40]], W)(x, y) || stroke([[21, 37], [21, 67], [60, 67], [60, 37]], W)(x, y),
    filled: (x, y) => polygon([[12, 40], [40.5, 14], [69, 40], [60, 40], [60, 67], [21, 67], [21, 40]])(x, y) && !polygon([[35, 48], [46, 48], [46, 68], [35, 68]])(x, y),
  },
  browse: {
    outline: (x, y) => ring(35, 35, 19, W)(x, y) || stroke([[49, 49], [67, 67]], 9)(x, y),
    filled: (x, y) => disc(35, 35, 21.5)(x, y) || stroke([[49, 49], [67, 67]], 9)(x, y),
  },
  volunteer: {
    outline: and(heart(40.5, 42, 27), not(heart(40.5, 42.5, 21))),
    filled: heart(40.5, 42, 27),
  },
  mine: {
    outline: (x, y) => ring(40.5, 27, 12.5, W)(x, y) || (y <= 68 && ring(40.5, 72, 25, W)(x, y)) || stroke([[15.5, 68], [65.5, 68]], W)(x, y),
    filled: (x, y) => disc(40.5, 27, 15)(x, y) || (y <= 70 && disc(40.5, 72, 27.5)(x, y)),
  },
};

export interface Icon {
  /** Under miniapp/src. */
  file: string;
  png: Buffer;
}

/** Markers are drawn at 2× the largest size the map shows them (44 px in large-text mode). */
const MARKER = 88;

function marker(colour: string, outline: readonly Pt[] | null): Buffer {
  const c = MARKER / 2;
  const at = (r: number): Inside => (outline ? polygon(outline.map(([x, y]) => [c + x * r, c + y * r] as const)) : disc(c, c, r));
  // A white rim keeps every marker visible on any tile, then the category colour.
  return new Canvas(MARKER, MARKER).fill(at(c - 2), '#ffffff').fill(at(c - 9), colour).png();
}

export function renderIcons(): Icon[] {
  const icons: Icon[] = [];
  for (const [name, t] of Object.entries(TABS)) {
    icons.push({ file: `assets/tabbar/${name}.png`, png: new Canvas(S, S).fill(t.outline, GREY).png() });
    icons.push({ file: `assets/tabbar/${name}-active.png`, png: new Canvas(S, S).fill(t.filled, BRAND).png() });
  }
  for (const s of MARKER_STYLES) icons.push({ file: `assets/map/${styleFileName(s.key)}.png`, png: marker(s.colour, shapeOutline(s.shape)) });
  icons.push({ file: 'assets/map/you.png', png: new Canvas(56, 56).fill(disc(28, 28, 27), '#2563eb', 0.2).fill(disc(28, 28, 14), '#ffffff').fill(disc(28, 28, 9.5), '#2563eb').png() });
  // The ring names ride on markers; their icon must be there but show nothing.
  icons.push({ file: 'assets/map/blank.png', png: new Canvas(1, 1).png() });
  return icons;
}

export const SRC = path.resolve(__dirname, '..', 'src');

if (require.main === module) {
  for (const icon of renderIcons()) {
    const out = path.join(SRC, icon.file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, icon.png);
    console.log(`${icon.file} ${icon.png.length} B`);
  }
}
