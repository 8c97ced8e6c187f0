import { View, Text, Input } from '@tarojs/components';
import { LEGAL_BASES, LEGAL_BASIS_NAMES } from '@shared/outlets';
import type { LegalForm } from '../form/application-form';
import type { SectionProps } from './form-props';

/** Why each basis allows listing, in one line the applicant can check themselves against. */
const HINTS: Record<(typeof LEGAL_BASES)[number], string> = {
  licence: '有营业执照的店铺，填18位统一社会信用代码',
  skill_service: '修鞋、配钥匙、缝补等个人便民劳务，依法无需办理营业执照',
  designated_stall: '在街道、社区指定的地点和时段摆摊（如潮汐摊区）',
  community: '社区、社会组织举办的便民或公益服务',
};

/** The legal basis the outlet is listed on (one of four), with the fields that basis needs. */
export function LegalSection({ form, set }: SectionProps) {
  const legal = form.legal;
  const update = (patch: Partial<LegalForm>) => set({ legal: { ...legal, ...patch } });
  return (
    <View className="card form-section">
      <Text className="card-title">经营依据</Text>
      {LEGAL_BASES.map((kind) => (
        <View key={kind} className={`choice-row ${legal.kind === kind ? 'active' : ''}`} data-legal={kind} hoverClass="pressed" onClick={() => update({ kind })}>
          <Text className="choice-name">{legal.kind === kind ? '◉ ' : '○ '}{LEGAL_BASIS_NAMES[kind]}</Text>
          <Text className="muted">{HINTS[kind]}</Text>
        </View>
      ))}
      {legal.kind === 'licence' && (
        <>
          <Text className="field-label">统一社会信用代码</Text>
          <Input className="text-input" data-testid="legal-licence" value={legal.licenceNo} placeholder="营业执照上的18位代码" maxlength={18} onInput={(e) => update({ licenceNo: e.detail.value })} />
        </>
      )}
      {legal.kind === 'designated_stall' && (
        <>
          <Text className="field-label">指定的摊位地点</Text>
          <Input className="text-input" data-testid="legal-place" value={legal.place} placeholder="如：书香里东门潮汐摊区" maxlength={60} onInput={(e) => update({ place: e.detail.value })} />
          <Text className="field-label">指定的摆摊时段</Text>
          <Input className="text-input" data-testid="legal-hours" value={legal.hours} placeholder="如：每天 17:00–21:00" maxlength={60} onInput={(e) => update({ hours: e.detail.value })} />
        </>
      )}
      {legal.kind === 'community' && (
        <>
          <Text className="field-label">举办单位</Text>
          <Input className="text-input" data-testid="legal-organiser" value={legal.organiser} placeholder="如：红枫社区居委会" maxlength={40} onInput={(e) => update({ organiser: e.detail.value })} />
        </>
      )}
    </View>
  );
}
