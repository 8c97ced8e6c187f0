/**
 * Which markers get their name written beside them. The nearest come first (what a resident walks to),
 * at most `max` of them, and a label that would cover another label or run off the view is skipped, so
 * every label that is drawn can be read.
 */
import type { Screen } from './viewport';

export interface LabelCandidate extends Screen {
  id: string;
  text: string;
  /** Walking distance from the user's place: nearer outlets are labelled first. */
  distance: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Where the text starts (`anchor` start) or ends (`end`), at the marker's vertical middle. */
  x: number;
  y: number;
  anchor: 'start' | 'end';
  width: number;
  height: number;
}

export interface LabelOptions {
  max: number;
  fontPx: number;
  /** The marker's drawn size: the label starts beside it. */
  markerPx: number;
  width: number;
  height: number;
  /** Longer names are cut with an ellipsis. */
  maxChars?: number;
}

/** Rendered width estimate: CJK and full-width characters are ~1 em, Latin and digits ~0.6 em. */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) > 0x2e7f ? 1 : 0.6;
  return em * fontPx;
}

export function shorten(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A `size` px square around a point. */
export function squareAround(p: Screen, size: number): Box {
  return { left: p.x - size / 2, right: p.x + size / 2, top: p.y - size / 2, bottom: p.y + size / 2 };
}

/** What is already drawn, bucketed by 64 px cells, so checking a label against thousands of markers stays cheap. */
export class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  private readonly weights = new Map<Box, number>();
  private *keys(b: Box): Generator<string> {
    for (let i = Math.floor(b.left / 64); i <= Math.floor(b.right / 64); i++) {
      for (let j = Math.floor(b.top / 64); j <= Math.floor(b.bottom / 64); j++) yield `${i},${j}`;
    }
  }
  /** `weight`: what covering it costs (a name covering a name is worse than a name over a marker). */
  add(b: Box, weight = 1): void {
    this.weights.set(b, weight);
    for (const k of this.keys(b)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(b);
      else this.cells.set(k, [b]);
    }
  }
  hits(b: Box): boolean {
    for (const k of this.keys(b)) if (this.cells.get(k)?.some((t) => overlaps(t, b))) return true;
    return false;
  }
  /** What `b` would cover: the sum of the weights of the drawn things it overlaps. */
  covered(b: Box): number {
    const seen = new Set<Box>();
    for (const k of this.keys(b)) for (const t of this.cells.get(k) ?? []) if (overlaps(t, b)) seen.add(t);
    let sum = 0;
    for (const t of seen) sum += this.weights.get(t) ?? 1;
    return sum;
  }
}

/** Covering a name costs as much as covering ten markers. */
const TEXT_WEIGHT = 10;

/** A text's box centred on a point. */
export function textBox(centre: Screen, text: string, fontPx: number): Box {
  const w = textWidth(text, fontPx) + 8;
  const h = fontPx * 1.4;
  return { left: centre.x - w / 2, right: centre.x + w / 2, top: centre.y - h / 2, bottom: centre.y + h / 2 };
}

/**
 * A fixed label (a ring's name, the user's place) at the first of its candidate centres where it covers
 * nothing already drawn and stays in view; if there is none (it must be shown), where it covers least.
 */
export function placeFixed(taken: BoxIndex, text: string, centres: readonly Screen[], fontPx: number, view: { width: number; height: number }): Screen {
  const inside = (b: Box) => b.left >= 0 && b.top >= 0 && b.right <= view.width && b.bottom <= view.height;
  let best = centres[0];
  let bestCost = Infinity;
  for (const c of centres) {
    const b = textBox(c, text, fontPx);
    // Off the view counts as covering a lot: a name nobody can see is worse than one over a marker.
    const cost = taken.covered(b) + (inside(b) ? 0 : 1000);
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
      if (cost === 0) break;
    }
  }
  taken.add(textBox(best, text, fontPx), TEXT_WEIGHT);
  return best;
}

/**
 * Labels for the nearest candidates, each right of its marker (or left, near the right edge), never over
 * anything in `taken` (every drawn marker, and fixed labels) nor each other.
 */
export function pickLabels(candidates: readonly LabelCandidate[], o: LabelOptions, taken: BoxIndex): PlacedLabel[] {
  const half = o.markerPx / 2;
  const order = [...candidates].sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: PlacedLabel[] = [];
  const gap = 4;
  for (const c of order) {
    if (placed.length >= o.max) break;
    const text = shorten(c.text, o.maxChars ?? 8);
    const width = textWidth(text, o.fontPx) + 8;
    const height = o.fontPx * 1.4;
    const top = c.y - height / 2;
    const right: Box = { left: c.x + half + gap, right: c.x + half + gap + width, top, bottom: top + height };
    const left: Box = { left: c.x - half - gap - width, right: c.x - half - gap, top, bottom: top + height };
    const fits = (b: Box) => b.left >= 0 && b.right <= o.width && b.top >= 0 && b.bottom <= o.height && !taken.hits(b);
    const box = fits(right) ? right : fits(left) ? left : null;
    if (!box) continue;
    taken.add(box, TEXT_WEIGHT);
    placed.push({ id: c.id, text, x: box === right ? box.left + 4 : box.right - 4, y: c.y, anchor: box === right ? 'start' : 'end', width, height });
  }
  return placed;
}

/** `pickLabels` with the candidates' own markers (and any `others`, `markerPx` wide) as the only obstacles. */
export function labelNearest(candidates: readonly LabelCandidate[], o: LabelOptions, others: readonly Screen[] = []): PlacedLabel[] {
  const taken = new BoxIndex();
  for (const p of [...candidates, ...others]) taken.add(squareAround(p, o.markerPx));
  return pickLabels(candidates, o, taken);
}
