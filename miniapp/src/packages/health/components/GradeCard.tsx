import { View, Text } from '@tarojs/components';
import type { Grade, GradeLabel } from '@shared/health/types';

const LABEL_CLASS: Record<GradeLabel, string> = { 高品质: 'high', 基本型: 'base', 未达标: 'low' };

/** The grade and its points line by line, each with what it counted. */
export function GradeCard({ grade }: { grade: Grade }) {
  return (
    <View className="card grade-card" data-testid="grade">
      <View className="grade-head">
        <Text className={`grade-label ${LABEL_CLASS[grade.label]}`} data-testid="grade-label">
          {grade.label}
        </Text>
        <Text className="grade-points" data-testid="grade-points">
          {grade.points}分
        </Text>
      </View>
      <Text className="muted">
        商务部分型：{grade.mofcomLabel} · 基本保障类{grade.basicPresent}类、品质提升类{grade.qualityPresent}类达到覆盖
      </Text>
      <Text data-testid="grade-reason">{grade.reason}</Text>
      {grade.lines.map((l) => (
        <View key={l.key} className="grade-line" data-line={l.key}>
          <View className="grade-line-head">
            <Text>{l.label}</Text>
            <Text className="grade-line-points">
              {l.points} / {l.max}分
            </Text>
          </View>
          <View className="grade-bar">
            <View className="grade-bar-fill" style={{ width: `${l.max ? Math.round((l.points / l.max) * 100) : 0}%` }} />
          </View>
          <Text className="muted">{l.detail}</Text>
        </View>
      ))}
      <Text className="muted">评分规则：{grade.rule}</Text>
    </View>
  );
}
