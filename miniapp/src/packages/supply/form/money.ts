/**
 * Prices as a merchant types them (元, up to two decimals) and as everything else keeps them (fen). Parsing
 * is strict: "12.345" or "十元" is a mistake to point out, not something to round or guess.
 */
const YUAN_RE = /^(\d{1,7})(?:\.(\d{1,2}))?$/;

/** Fen for a typed yuan amount; null when it is not a plain amount (empty, negative, words, too many decimals). */
export function parseYuan(text: string): number | null {
  const m = YUAN_RE.exec(text.trim().replace(/元$/, '').trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** The amount to put back in the box: "12", "12.5", "0.05". */
export function yuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  if (!cents) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}
