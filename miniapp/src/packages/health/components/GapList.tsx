import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { CircleHealth } from '@shared/health/types';
import { affectedLine, gapCompoundLine, PACE_NAMES, sitingLine, STATUS_NAMES, TIME_NAMES } from '../view/report-view';
import { TypeTags } from './ModeSwitch';

const SHOWN = 6;

/**
 * 缺什么补什么: the missing and thin types, most residents affected first (elders count twice for 一老), each
 * with its compounds and their nearest outlet, and for the top three where one new outlet would reach most.
 * The rest are folded on screen; the print shows them all.
 */
export function GapList({ report, onCompound }: { report: CircleHealth; onCompound(id: string): void }) {
  const [all, setAll] = useState(false);
  const { gaps, types, compounds, basis } = report;
  if (!gaps.length) return <Text className="muted">没有缺失或薄弱的业态</Text>;
  return (
    <View data-testid="gap-list">
      <Text className="muted">
        按{PACE_NAMES[basis.pace]}、{TIME_NAMES[basis.time]}计算，受影响居民多的在前（“一老”类业态老人按两倍计）
      </Text>
      {gaps.map((g, rank) => {
        const ti = types.findIndex((t) => t.type === g.type);
        const type = types[ti];
        return (
          <View key={g.type} className={`card gap-card ${rank >= SHOWN ? `gap-extra ${all ? '' : 'collapsed'}` : ''}`} data-gap={g.type} data-status={g.status}>
            <View className="gap-head">
              <Text className="gap-rank">{rank + 1}</Text>
              <Text className="gap-name">{g.name}</Text>
              <Text className={`status-pill ${g.status}`}>{STATUS_NAMES[g.status]}</Text>
              <TypeTags required={g.required} assumption={!!type?.assumption} />
            </View>
            <Text className="muted">{affectedLine(g)}</Text>
            {g.compounds.map((gc) => {
              const cell = compounds.find((c) => c.id === gc.id)?.cells[ti];
              return (
                <View key={gc.id} className={`gap-compound ${gc.status}`} data-compound={gc.id} data-status={gc.status} hoverClass="pressed" onClick={() => onCompound(gc.id)}>
                  <Text className="gap-compound-name">
                    {gc.name}（{gc.residents}人，老人{gc.elders}人）· {STATUS_NAMES[gc.status]}
                  </Text>
                  <Text className="gap-compound-line">{type ? gapCompoundLine(gc, type, cell?.[basis.pace][basis.time]) : ''}</Text>
                </View>
              );
            })}
            {g.siting && (
              <Text className="siting" data-testid="siting">
                建议：{sitingLine(g.siting)}
              </Text>
            )}
          </View>
        );
      })}
      {gaps.length > SHOWN && (
        <View className="chip-button gaps-toggle no-print" data-testid="gaps-toggle" hoverClass="pressed" onClick={() => setAll(!all)}>
          <Text>{all ? '收起' : `显示全部${gaps.length}项`}</Text>
        </View>
      )}
    </View>
  );
}
