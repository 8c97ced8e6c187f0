import { View, Text } from '@tarojs/components';
import type { HealthTrend, TypeInfo } from '@shared/health/types';
import { trendView } from '../view/report-view';

/** Since last month's snapshot: the points, the label, and the types whose coverage moved. */
export function TrendCard({ trend, types }: { trend: HealthTrend | null | undefined; types: TypeInfo[] }) {
  if (!trend) {
    return (
      <View className="card" data-testid="trend">
        <Text className="card-title">变化趋势</Text>
        <Text className="muted">还没有往月的存档：每月最后一天自动存档一次，下个月起这里显示与上月相比的变化。</Text>
      </View>
    );
  }
  const v = trendView(trend, types);
  return (
    <View className="card" data-testid="trend">
      <Text className="card-title">变化趋势：与{v.since}存档相比</Text>
      <Text className={`trend-line ${v.direction === 'up' ? 'trend-up' : v.direction === 'down' ? 'trend-down' : ''}`}>得分：{v.points}</Text>
      <Text className="trend-line">评级：{v.label}</Text>
      {v.changed.length ? (
        v.changed.map((c) => (
          <View key={c.type} className="trend-type" data-type={c.type}>
            <Text>{c.name}</Text>
            <Text className={c.up ? 'trend-up' : 'trend-down'}>{c.line}</Text>
          </View>
        ))
      ) : (
        <Text className="muted">各业态的覆盖没有变化</Text>
      )}
    </View>
  );
}
