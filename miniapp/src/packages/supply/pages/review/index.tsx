import { View, Text } from '@tarojs/components';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { hasRole } from '@/services/roles';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getReviewQueue, type ReviewItem } from '../../api';
import { ReviewCard } from '../../components/ReviewCard';
import '@/styles/points.scss';
import '../../supply.scss';

const count = (items: ReviewItem[], why: ReviewItem['why']) => items.filter((i) => i.why === why).length;

/** 网点审核: the circle's new applications, edits waiting for review and outlets nobody confirmed for a year. */
export default function ReviewPage() {
  const { user } = useAppState();
  const queue = useRequest(() => getReviewQueue(), [user?.id], hasRole(user, 'worker'));
  useReloadOnShow(queue);
  return (
    <Page className="supply-review">
      <RoleGate role="worker" what="审核网点" denied="网点审核只对社区工作者开放">
        <Async request={queue} empty="没有待审核的网点">
          {({ items }) => (
            <>
              <View className="totals three">
                <View className="total-box">
                  <Text className="total-number">{count(items, 'application')}</Text>
                  <Text className="total-label">新申请</Text>
                </View>
                <View className="total-box">
                  <Text className="total-number">{count(items, 'revision')}</Text>
                  <Text className="total-label">修改待审</Text>
                </View>
                <View className="total-box">
                  <Text className="total-number">{count(items, 'stale')}</Text>
                  <Text className="total-label">待核实</Text>
                </View>
              </View>
              {items.map((item) => (
                <ReviewCard key={`${item.outlet.id}-${item.why}`} item={item} onDecided={queue.reload} />
              ))}
            </>
          )}
        </Async>
      </RoleGate>
    </Page>
  );
}
