import { View, Text, Input } from '@tarojs/components';
import { formatPrice } from '@shared/money';
import { OUTLET_LIMITS } from '@shared/schemas/outlet';
import { emptyPriceRow, materialsRow, type PriceRow } from '../form/application-form';
import { parseYuan } from '../form/money';
import type { SectionProps } from './form-props';

/** The price as the price board will show it, once the boxes hold amounts. */
function shownPrice(r: PriceRow): string | null {
  const fen = parseYuan(r.price);
  const max = r.priceMax.trim() ? parseYuan(r.priceMax) : undefined;
  if (fen === null || max === null) return null;
  return formatPrice(fen, max, r.unit.trim() || undefined);
}

/**
 * 明码标价: each item's 项目, 内容, 计价单位 and a price or a range, in 元. Materials are their own item (the
 * schema refuses "材料费另收" written into another item's 内容).
 */
export function PricesSection({ form, set }: SectionProps) {
  const rows = form.prices;
  const update = (i: number, patch: Partial<PriceRow>) => set({ prices: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const full = rows.length >= OUTLET_LIMITS.services.max;
  return (
    <View className="card form-section">
      <Text className="card-title">收费项目（明码标价）</Text>
      {rows.map((r, i) => {
        const shown = shownPrice(r);
        return (
          <View key={r.id ?? `new-${i}`} className={`edit-block ${r.materials ? 'materials' : ''}`} data-testid={`price-row-${i}`}>
            <View className="edit-block-head">
              <Text className="edit-block-title">{r.materials ? '材料费' : `项目${i + 1}`}</Text>
              {rows.length > 1 && (
                <View className="chip-button small" hoverClass="pressed" data-testid={`remove-price-${i}`} onClick={() => set({ prices: rows.filter((_, j) => j !== i) })}>
                  <Text>删除</Text>
                </View>
              )}
            </View>
            <Text className="field-label">项目</Text>
            <Input className="text-input" data-testid={`price-name-${i}`} value={r.name} placeholder="如：配钥匙、修伞" maxlength={20} onInput={(e) => update(i, { name: e.detail.value })} />
            <Text className="field-label">内容（可不填）</Text>
            <Input className="text-input" data-testid={`price-note-${i}`} value={r.note} placeholder="如：普通十字钥匙" maxlength={60} onInput={(e) => update(i, { note: e.detail.value })} />
            <View className="form-pair">
              <View className="form-cell">
                <Text className="field-label">价格（元）</Text>
                <Input className="text-input" type="digit" data-testid={`price-value-${i}`} value={r.price} placeholder="如 5" maxlength={10} onInput={(e) => update(i, { price: e.detail.value })} />
              </View>
              <View className="form-cell">
                <Text className="field-label">最高价（区间才填）</Text>
                <Input className="text-input" type="digit" data-testid={`price-max-${i}`} value={r.priceMax} placeholder="如 20" maxlength={10} onInput={(e) => update(i, { priceMax: e.detail.value })} />
              </View>
            </View>
            <Text className="field-label">计价单位（可不填）</Text>
            <Input className="text-input" data-testid={`price-unit-${i}`} value={r.unit} placeholder="如：把、双、次、小时" maxlength={8} onInput={(e) => update(i, { unit: e.detail.value })} />
            <View className="edit-block-foot">
              <View className={`chip ${r.materials ? 'active' : ''}`} hoverClass="pressed" data-testid={`price-materials-${i}`} onClick={() => update(i, { materials: !r.materials })}>
                <Text>{r.materials ? '✓ ' : ''}这一项是材料费</Text>
              </View>
              {shown && <Text className="price-value" data-testid={`price-shown-${i}`}>{shown}</Text>}
            </View>
          </View>
        );
      })}
      {!full && (
        <View className="add-row">
          <View className="chip-button add-button" hoverClass="pressed" data-testid="add-price" onClick={() => set({ prices: [...rows, emptyPriceRow()] })}>
            <Text>＋ 加一个收费项目</Text>
          </View>
          {!rows.some((r) => r.materials) && (
            <View className="chip-button add-button" hoverClass="pressed" data-testid="add-materials" onClick={() => set({ prices: [...rows, materialsRow()] })}>
              <Text>＋ 材料费单独一项</Text>
            </View>
          )}
        </View>
      )}
    </View>
  );
}
