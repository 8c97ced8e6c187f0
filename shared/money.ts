/** Prices are integers in fen everywhere; text is made only at the edge. */
export function formatYuan(fen: number): string {
  const yuan = fen / 100;
  const text = Number.isInteger(yuan) ? String(yuan) : yuan.toFixed(2).replace(/0$/, '');
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatPrice(priceFen: number | null, priceMaxFen?: number, unit?: string): string {
  if (priceFen === null) return '面议';
  if (priceFen === 0 && !priceMaxFen) return '免费';
  const amount =
    priceMaxFen !== undefined && priceMaxFen > priceFen
      ? `${formatYuan(priceFen)}–${formatYuan(priceMaxFen)}元`
      : `${formatYuan(priceFen)}元`;
  return unit ? `${amount}/${unit}` : amount;
}
