import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NeedView } from '@shared/needs-api';
import { recordTime } from '@/services/dates';
import { ROUTES } from '@/services/routes';
import { timeline } from '../view/needs-view';

/** 办理进度: every step, oldest first, in the words of the state machine, with its note and facts. */
export function Timeline({ need }: { need: NeedView }) {
  return (
    <View className="card" data-testid="timeline">
      <Text className="card-title">办理进度</Text>
      <View className="timeline">
        {timeline(need).map((s) => (
          <View key={s.key} className="timeline-step" data-action={s.action} data-state={s.state}>
            <View className="timeline-dot" />
            <Text className="timeline-title">{s.title}</Text>
            <Text className="muted">
              {recordTime(s.at)} · {s.by}
            </Text>
            {s.facts.map((f) => (
              <Text key={f} className="timeline-fact">
                {f}
              </Text>
            ))}
            {s.note && <Text className="timeline-note">{s.note}</Text>}
            {s.duplicateOf && (
              <View className="timeline-link" hoverClass="pressed" onClick={() => Taro.navigateTo({ url: ROUTES.need(s.duplicateOf!) })}>
                <Text>查看原诉求 ›</Text>
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
