import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import type { Activity } from '@shared/api';
import { formatPoints } from '@shared/points';
import { activityTime } from '@/services/points';

/** One volunteer activity: when, where, places left and points per hour; optionally my state as a badge. */
export function ActivityCard({ activity: a, badge, onClick, children }: { activity: Activity; badge?: string; onClick?: () => void; children?: ReactNode }) {
  const full = a.remaining <= 0;
  return (
    <View className="card activity-card" hoverClass={onClick ? 'pressed' : 'none'} onClick={onClick} data-activity-id={a.id}>
      <View className="activity-head">
        <Text className="card-title">{a.title}</Text>
        {badge ? <Text className="activity-badge mine">{badge}</Text> : a.state === 'cancelled' ? <Text className="activity-badge">已取消</Text> : null}
      </View>
      <Text className="activity-time">{activityTime(a)}</Text>
      <Text>📍 {a.place}</Text>
      {(a.circleName || a.walkMinutes !== undefined) && (
        <Text className="muted">
          {a.circleName ?? ''}
          {a.walkMinutes !== undefined ? `${a.circleName ? ' · ' : ''}步行约${a.walkMinutes}分钟` : ''}
        </Text>
      )}
      <View className="activity-facts">
        <Text className={`activity-left ${full ? 'full' : ''}`}>{full ? `名额已满（${a.capacity}人）` : `还剩${a.remaining}个名额 / 共${a.capacity}人`}</Text>
        <Text className="activity-points">每小时{formatPoints(a.pointsPerHour)}分</Text>
      </View>
      {children}
    </View>
  );
}
