import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Passbook } from '@shared/api';
import { inShanghai } from '@shared/time';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { Empty } from '@/components/StateView';
import { RoleGate } from '@/components/RoleGate';
import { signedPoints } from '@/services/points';
import { ROUTES } from '@/services/routes';
import { getPassbook } from '@/packages/volunteer/api';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

/** The points passbook: balance, what expires when, and every entry like a bank book (newest first). */
export default function PassbookPage() {
  const { user } = useAppState();
  const book = useRequest(getPassbook, [user?.id], !!user);

  return (
    <Page className="passbook">
      <RoleGate what="查看积分存折">
        <Async request={book}>{(data) => <PassbookView data={data} />}</Async>
      </RoleGate>
    </Page>
  );
}

function PassbookView({ data }: { data: Passbook }) {
  return (
    <>
      <View className="card balance-card">
        <Text className="muted">当前积分</Text>
        <View className="balance-row">
          <Text className="balance-number" data-testid="passbook-balance">{formatPoints(data.balance)}</Text>
          <Text className="balance-unit">分</Text>
        </View>
        <Button className="big-button wide-button" type="primary" onClick={() => Taro.navigateTo({ url: ROUTES.rewards })}>
          去兑换
        </Button>
      </View>

      {data.expiring.length > 0 && (
        <View className="card expiry-card">
          <Text className="card-title">到期提醒</Text>
          {data.expiring.map((g) => (
            <Text key={g.expiresAt} className="expiry-line" data-date={g.date}>
              {formatPoints(g.points)}分将于{g.date}到期
            </Text>
          ))}
          <Text className="muted">到期未用的积分会自动清零，请及时兑换。</Text>
        </View>
      )}

      <View className="section-title">
        <Text>收支明细</Text>
        <Text className="section-count">共{data.entries.length}笔</Text>
      </View>
      {data.entries.length === 0 ? (
        <Empty text="还没有积分记录。参加志愿活动、时长确认后就能得到积分。" />
      ) : (
        data.entries.map((e) => (
          <View key={e.id} className="card entry-card" data-kind={e.kind} data-entry-seq={e.seq}>
            <View className="entry-head">
              <Text className="entry-kind">{e.kindName}</Text>
              <Text className={`entry-points ${e.points >= 0 ? 'plus' : 'minus'}`}>{signedPoints(e.points)}</Text>
            </View>
            <Text>{e.cause.title}</Text>
            {e.manual && <Text className="tag manual-tag">社工补录</Text>}
            {e.reason && <Text className="muted">原因：{e.reason}</Text>}
            <View className="entry-foot">
              <Text className="muted">{inShanghai(e.at).format('YYYY-MM-DD HH:mm')}</Text>
              <Text className="muted">余额 {formatPoints(e.balance)}</Text>
            </View>
          </View>
        ))
      )}
    </>
  );
}
