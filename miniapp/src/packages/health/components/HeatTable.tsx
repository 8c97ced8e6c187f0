import { View, Text } from '@tarojs/components';
import type { CircleHealth, Pace, TimeMode } from '@shared/health/types';
import { TIER_NAMES } from '@shared/health/standards';
import { cellView, coverageOf, limitText, percent, shortName, STATUS_NAMES } from '../view/report-view';
import { TypeTags } from './ModeSwitch';

/**
 * Facility types down, compounds across: each cell coloured by its status (met / thin / missing) and shaded by
 * how far the nearest outlet is against the limit, with its walking minutes at the chosen pace. A tap on a
 * compound (its column head or any of its cells) opens that compound.
 */
export function HeatTable({ report, pace, time, onCompound }: { report: CircleHealth; pace: Pace; time: TimeMode; onCompound(id: string): void }) {
  let tier = '';
  return (
    <View className="heat-scroll" data-testid="heat-table" data-pace={pace} data-time={time}>
      <View className="heat-table">
        <View className="heat-row">
          <View className="heat-corner">
            <Text className="heat-meta">业态 \ 小区</Text>
          </View>
          {report.compounds.map((c) => (
            <View key={c.id} className="heat-col heat-head" data-compound={c.id} hoverClass="pressed" onClick={() => onCompound(c.id)}>
              <Text>{c.name}</Text>
            </View>
          ))}
          <View className="heat-col heat-cover">
            <Text>覆盖居民</Text>
          </View>
        </View>
        {report.types.map((t, i) => {
          const tierHead = t.tier !== tier;
          tier = t.tier;
          const cover = coverageOf(report, t.type, pace, time);
          return (
            <View key={t.type}>
              {tierHead && (
                <View className="heat-row">
                  <Text className="heat-tier heat-name">{TIER_NAMES[t.tier]}</Text>
                </View>
              )}
              <View className="heat-row" data-type={t.type}>
                <View className="heat-name">
                  <Text className="heat-type">{shortName(t.name)}</Text>
                  <View className="heat-meta">
                    <Text>≤{limitText(t)}</Text>
                    <TypeTags assumption={t.assumption} window={time === 'window' ? t.window : undefined} />
                  </View>
                </View>
                {report.compounds.map((c) => {
                  const v = cellView(c.cells[i], t, pace, time);
                  return (
                    <View
                      key={c.id}
                      className={`heat-col heat-cell ${v.status} ${v.heat} ${v.doubtful ? 'doubtful' : ''}`}
                      data-compound={c.id}
                      data-type={t.type}
                      data-status={v.status}
                      aria-label={`${c.name} ${v.label}`}
                      hoverClass="pressed"
                      onClick={() => onCompound(c.id)}
                    >
                      <Text>{v.minutes === null ? '—' : v.minutes}</Text>
                      <Text className="heat-count">{v.count ? `${v.count}处` : STATUS_NAMES[v.status]}</Text>
                    </View>
                  );
                })}
                <View className="heat-col heat-cover">
                  <Text>{cover === null ? '' : percent(cover)}</Text>
                </View>
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}

export function HeatLegend() {
  return (
    <View className="legend">
      <View className="legend-item">
        <View className="legend-swatch met" />
        <Text>达标：时限内至少2处可靠网点</Text>
      </View>
      <View className="legend-item">
        <View className="legend-swatch thin" />
        <Text>薄弱：只有1处，或只有未核实、暂停营业的</Text>
      </View>
      <View className="legend-item">
        <View className="legend-swatch missing" />
        <Text>缺失：时限内没有</Text>
      </View>
      <Text>数字为最近网点的步行分钟，颜色越深越近（缺失时越深越远）；“—”为步行30分钟内没有；虚线框：含未核实或暂停营业的网点</Text>
    </View>
  );
}
