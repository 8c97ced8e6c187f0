/**
 * The compound × type matrix as CSV for the street office (UTF-8 with a BOM so Excel opens the Chinese
 * right). One row per compound and type; both paces, at any time and in the type's window.
 */
import { LEVEL_NAMES, TIER_NAMES } from '../../shared/health/standards';
import type { CellStatus, CircleHealth } from '../../shared/health/types';

const STATUS: Record<CellStatus, string> = { met: '达标', thin: '薄弱', missing: '缺失' };

function field(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = ['小区', '户数', '居民', '60岁以上', '业态', '类别', '层级', '时限(分钟)', '时段', '成人·任意时间', '成人·时段内', '长者·任意时间', '长者·时段内', '可靠网点数(成人·时段内)', '最近网点', '成人步行(分钟)', '长者步行(分钟)', '来源'];

export function healthCsv(r: CircleHealth): string {
  const rows = [CSV_HEADER];
  for (const c of r.compounds) {
    r.types.forEach((t, i) => {
      const cell = c.cells[i];
      const n = cell.nearestInWindow ?? cell.nearest;
      rows.push([
        c.name,
        String(c.households),
        String(c.residents),
        String(c.elders),
        t.name,
        TIER_NAMES[t.tier],
        LEVEL_NAMES[String(t.level)],
        String(Math.round(t.limitMinutes * 10) / 10),
        t.window?.label ?? '',
        STATUS[cell.adult.any.status],
        STATUS[cell.adult.window.status],
        STATUS[cell.elder.any.status],
        STATUS[cell.elder.window.status],
        String(cell.adult.window.good),
        n?.name ?? '',
        n ? String(n.minutes) : '',
        n ? String(n.elderMinutes) : '',
        t.assumption ? `${t.source}（假设）` : t.source,
      ]);
    });
  }
  return '\uFEFF' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
