/**
 * How a category looks on the map: a colour and a shape, so the four 六个一 focus categories can be told
 * apart by shape alone (colour-blind residents, a grey printout) and every other category by its tier, as
 * 铜川's 布点图 codes its points by colour and shape. The same geometry draws the H5 map's SVG and the PNG
 * markers of the weapp map (miniapp/scripts/icons.ts).
 */
import { CATEGORIES, CATEGORY_TIERS, categoryByKey } from '../categories';

export type MarkerShape = 'square' | 'circle' | 'diamond' | 'star' | 'hexagon' | 'pentagon' | 'triangleDown' | 'triangle';

export interface MarkerStyle {
  /** A focus category's key or `tier:<tier>`; also the weapp marker icon's file name. */
  key: string;
  colour: string;
  shape: MarkerShape;
  /** The legend's words. */
  name: string;
}

const FOCUS_STYLES: Record<string, Omit<MarkerStyle, 'key' | 'name'>> = {
  // Okabe–Ito-like hues, darkened to stay readable on the map's pale background.
  repair: { colour: '#c94f00', shape: 'square' },
  breakfast: { colour: '#a16207', shape: 'circle' },
  elder_canteen: { colour: '#047857', shape: 'diamond' },
  childcare: { colour: '#1d4ed8', shape: 'star' },
};

const TIER_STYLES: Record<string, Omit<MarkerStyle, 'key' | 'name'>> = {
  basic: { colour: '#475569', shape: 'hexagon' },
  quality: { colour: '#9d174d', shape: 'pentagon' },
  smart: { colour: '#6d28d9', shape: 'triangleDown' },
  supplementary: { colour: '#0f766e', shape: 'triangle' },
};

const TIER_NAMES: Record<string, string> = { ...CATEGORY_TIERS, basic: '其他生活服务' };

/** Every style, focus categories first: the legend's order and the icons the weapp build needs. */
export const MARKER_STYLES: readonly MarkerStyle[] = [
  ...Object.entries(FOCUS_STYLES).map(([key, s]) => ({ key, name: categoryByKey(key)?.name ?? key, ...s })),
  ...Object.entries(TIER_STYLES).map(([tier, s]) => ({ key: `tier:${tier}`, name: TIER_NAMES[tier], ...s })),
];

const byKey = new Map(MARKER_STYLES.map((s) => [s.key, s]));

export function markerStyle(category: string): MarkerStyle {
  if (FOCUS_STYLES[category]) return byKey.get(category)!;
  const tier = categoryByKey(category)?.tier ?? 'basic';
  return byKey.get(`tier:${tier}`)!;
}

/** A style key as a file name (`tier:basic` → `tier-basic`). */
export function styleFileName(key: string): string {
  return key.replace(':', '-');
}

const ORDER = new Map(CATEGORIES.map((c, i) => [c.key, i]));

/**
 * The category an outlet is drawn as. An outlet with several (一店多能) is drawn as the one the resident
 * filtered by, else its first focus category, else its first.
 */
export function primaryCategory(categories: readonly string[], filter?: string): string {
  if (filter && categories.includes(filter)) return filter;
  return categories.find((c) => FOCUS_STYLES[c]) ?? categories[0] ?? '';
}

/** Category order for ties (focus categories first), as in shared/categories. */
export function categoryRank(key: string): number {
  return ORDER.get(key) ?? Number.MAX_SAFE_INTEGER;
}

type Point = readonly [number, number];

function regular(n: number, radius: number, rotation: number): Point[] {
  return Array.from({ length: n }, (_, i) => {
    const a = rotation + (i / n) * 2 * Math.PI;
    return [radius * Math.sin(a), -radius * Math.cos(a)] as const;
  });
}

/**
 * A shape's outline in a unit box (x right, y down, centre 0,0, fitting in radius 1), or null for a circle.
 * Areas are roughly equal so no shape looks more important than another.
 */
export function shapeOutline(shape: MarkerShape): Point[] | null {
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return [[-0.86, -0.86], [0.86, -0.86], [0.86, 0.86], [-0.86, 0.86]];
    case 'diamond':
      return regular(4, 1, 0);
    case 'hexagon':
      return regular(6, 0.92, Math.PI / 6);
    case 'pentagon':
      return regular(5, 0.95, 0);
    case 'triangle':
      return regular(3, 1, 0).map(([x, y]) => [x, y + 0.15] as const);
    case 'triangleDown':
      return regular(3, 1, Math.PI).map(([x, y]) => [x, y - 0.15] as const);
    case 'star':
      return Array.from({ length: 10 }, (_, i) => {
        const r = i % 2 === 0 ? 1 : 0.5;
        const a = (i / 10) * 2 * Math.PI;
        return [r * Math.sin(a), -r * Math.cos(a) + 0.05] as const;
      });
  }
}

/** An SVG path of the shape at (cx, cy) with the given radius in px. */
export function shapePath(shape: MarkerShape, cx: number, cy: number, radius: number): string {
  const pts = shapeOutline(shape);
  const f = (n: number) => Math.round(n * 10) / 10;
  if (!pts) {
    return `M${f(cx - radius)} ${f(cy)}a${f(radius)} ${f(radius)} 0 1 0 ${f(2 * radius)} 0a${f(radius)} ${f(radius)} 0 1 0 ${f(-2 * radius)} 0Z`;
  }
  return `M${pts.map(([x, y]) => `${f(cx + x * radius)} ${f(cy + y * radius)}`).join('L')}Z`;
}
