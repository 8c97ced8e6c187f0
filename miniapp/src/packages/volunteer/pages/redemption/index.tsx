import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Redemption } from '@shared/api';
import { inShanghai } from '@shared/time';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { ConfirmLine, ConfirmPopup } from '@/components/ConfirmPopup';
import { ErrorState } from '@/components/StateView';
import { RoleGate } from '@/components/RoleGate';
import { groupDigits } from '@/services/points';
import { ROUTES } from '@/services/routes';
import { cancelRedemption, getMyRedemptions } from '@/packages/volunteer/api';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

/**
 * One redemption: the 8-digit code, large enough to read out at the station. While it waits to be
 * handed over the page checks every few seconds, so it turns to 已领取 by itself at the counter.
 */
export default function RedemptionPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { user } = useAppState();
  const list = useRequest(getMyRedemptions, [user?.id], !!user);
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  const waiting = list.data?.items.find((x) => x.id === id)?.state === 'issued';
  useEffect(() => {
    if (!waiting || !visible) return undefined;
    const t = setInterval(list.reload, 5000);
    return () => clearInterval(t);
  }, [waiting, visible, list.reload]);

  return (
    <Page className="redemption">
      <RoleGate what="查看兑换码">
        <Async request={list}>
          {(data) => {
            const r = data.items.find((x) => x.id === id);
            return r ? <RedemptionCode r={r} onChanged={list.reload} /> : <NotFound />;
          }}
        </Async>
      </RoleGate>
    </Page>
  );
}

function NotFound() {
  return (
    <>
      <ErrorState message="没有找到这条兑换记录" />
      <Button className="big-button wide-button" onClick={() => Taro.redirectTo({ url: ROUTES.redemptions })}>
        查看我的兑换
      </Button>
    </>
  );
}

function RedemptionCode({ r, onChanged }: { r: Redemption; onChanged(): void }) {
  const [cancelling, setCancelling] = useState(false);
  const cancel = useMutation(() => cancelRedemption(r.id), {
    done: '已取消，积分已退回',
    after: () => {
      setCancelling(false);
      onChanged();
    },
  });
  return (
    <>
      <View className={`card code-card state-${r.state}`} data-redemption-id={r.id} data-state={r.state}>
        <View className="activity-head">
          <Text className="card-title">兑换码</Text>
          <Text className={`activity-badge state-${r.state}`} data-testid="redemption-state">{r.stateName}</Text>
        </View>
        <Text className={`huge-code redemption-code ${r.state !== 'issued' ? 'used' : ''}`} data-testid="redemption-code" data-code={r.code}>
          {groupDigits(r.code, 4)}
        </Text>
        {r.state === 'issued' && <Text className="code-tip">请到兑换点出示此码，工作人员核对后发放物品</Text>}
        {r.state === 'handed_over' && <Text className="code-tip ok">已于{r.handedOverAt ? inShanghai(r.handedOverAt).format('MM月DD日 HH:mm') : ''}领取</Text>}
        {r.state === 'cancelled' && <Text className="code-tip">已取消，{formatPoints(r.pricePoints)}分已退回存折</Text>}
      </View>
      <View className="card">
        <ConfirmLine label="兑换物品" value={r.rewardName} />
        <ConfirmLine label="使用积分" value={`${formatPoints(r.pricePoints)}分`} />
        <ConfirmLine label="兑换点" value={r.outletName} />
        <ConfirmLine label="地址" value={r.outletAddress} />
        <ConfirmLine label="兑换时间" value={inShanghai(r.createdAt).format('YYYY-MM-DD HH:mm')} />
      </View>
      {r.state === 'issued' && (
        <Button className="big-button wide-button" data-testid="cancel-redemption" onClick={() => setCancelling(true)}>
          不要了，取消兑换
        </Button>
      )}
      <Button className="big-button wide-button" onClick={() => Taro.redirectTo({ url: ROUTES.redemptions })}>
        我的全部兑换
      </Button>
      <ConfirmPopup
        visible={cancelling}
        title="取消兑换"
        confirmText="确认取消"
        danger
        busy={cancel.busy}
        testId="confirm-cancel-redemption"
        onClose={() => setCancelling(false)}
        onConfirm={() => cancel.run()}
      >
        <ConfirmLine label="兑换物品" value={r.rewardName} />
        <Text>取消后{formatPoints(r.pricePoints)}分退回您的存折，兑换码作废。</Text>
      </ConfirmPopup>
    </>
  );
}
