import { View, Text } from '@tarojs/components';
import type { ProvidersNow } from '@shared/outlets';

const dayWord = (offset: number) => (offset === 0 ? '今天' : offset === 1 ? '明天' : offset === 2 ? '后天' : `${offset}天后`);

/** 定点不定人: who is at the booth now (until when) and who comes next (from when). */
export function ProvidersNowCard({ now }: { now: ProvidersNow }) {
  if (!now.current && !now.next) return null;
  return (
    <View className="card" data-testid="providers-now">
      <Text className="card-title">值守师傅</Text>
      <View className="providers-now">
        {now.current && (
          <Text className="provider-line current">
            现在：{now.current.name}（{now.current.craft}），到{now.current.until}
          </Text>
        )}
        {!now.current && <Text className="provider-line">现在没有师傅值守</Text>}
        {now.next && (
          <Text className="provider-line">
            下一位：{now.next.name}（{now.next.craft}），{dayWord(now.next.dayOffset)} {now.next.from}
          </Text>
        )}
      </View>
    </View>
  );
}
