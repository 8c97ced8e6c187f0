import { View, Text, Input, Textarea } from '@tarojs/components';
import { CATEGORIES } from '@shared/categories';
import { OUTLET_LIMITS } from '@shared/schemas/outlet';
import type { SectionProps } from './form-props';

const L = OUTLET_LIMITS;

/** Name, 1–3 categories (一店多能), address, phone and a short introduction. */
export function BasicsSection({ form, set, onProblem }: SectionProps & { onProblem(message: string): void }) {
  const toggle = (key: string) => {
    if (form.categories.includes(key)) return set({ categories: form.categories.filter((c) => c !== key) });
    // A fourth tap is told at once, where the finger is, rather than at 提交.
    if (form.categories.length >= L.categories.max) return onProblem(`最多选择${L.categories.max}个分类，请先取消一个`);
    set({ categories: [...form.categories, key] });
  };
  return (
    <View className="card form-section">
      <Text className="card-title">网点信息</Text>
      <Text className="field-label">网点名称</Text>
      <Input className="text-input" data-testid="apply-name" value={form.name} placeholder="如：周师傅修鞋配钥匙" maxlength={L.name.max} onInput={(e) => set({ name: e.detail.value })} />
      <Text className="field-label">
        经营类别（可选{L.categories.min}–{L.categories.max}个，已选{form.categories.length}个）
      </Text>
      <View className="filters">
        {CATEGORIES.map((c) => (
          <View key={c.key} className={`chip ${form.categories.includes(c.key) ? 'active' : ''}`} data-category={c.key} hoverClass="pressed" onClick={() => toggle(c.key)}>
            <Text>
              {c.icon} {c.name}
            </Text>
          </View>
        ))}
      </View>
      <Text className="field-label">详细地址</Text>
      <Input className="text-input" data-testid="apply-address" value={form.address} placeholder="如：文化东路书香里东门" maxlength={L.address.max} onInput={(e) => set({ address: e.detail.value })} />
      <Text className="field-label">联系电话</Text>
      <Input className="text-input" type="number" data-testid="apply-phone" value={form.phone} placeholder="手机号，或带区号的座机" maxlength={13} onInput={(e) => set({ phone: e.detail.value })} />
      <Text className="field-label">简介（可不填）</Text>
      <Textarea className="text-area" data-testid="apply-description" value={form.description} placeholder="几句话介绍您的手艺或服务" maxlength={200} onInput={(e) => set({ description: e.detail.value })} />
    </View>
  );
}
