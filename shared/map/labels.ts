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

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Boxes bucketed by 64 px cells, so checking a label against every marker stays cheap with thousands. */
class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  private *keys(b: Box): Generator<string> {
    for (let i = Math.floor(b.left / 64); i <= Math.floor(b.right / 64); i++) {
      for (let j = Math.floor(b.top / 64); j <= Math.floor(b.bottom / 64); j++) yield `${i},${j}`;
    }
  }
  add(b: Box): void {
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
}

/**
 * Labels for the nearest candidates. Every drawn marker (the candidates and `others`, e.g. clusters) is an
 * obstacle, so a label never hides a marker and no two labels overlap.
 */
export function pickLabels(candidates: readonly LabelCandidate[], o: LabelOptions, others: readonly Screen[] = []): PlacedLabel[] {
  const half = o.markerPx / 2;
  const taken = new BoxIndex();
  for (const p of [...candidates, ...others]) taken.add({ left: p.x - half, right: p.x + half, top: p.y - half, bottom: p.y + half });
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
    taken.add(box);
    placed.push({ id: c.id, text, x: box === right ? box.left + 4 : box.right - 4, y: c.y, anchor: box === right ? 'start' : 'end', width, height });
  }
  return placed;
}
