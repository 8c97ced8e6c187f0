import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Reward, RewardChange, Station } from '@shared/api';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { Empty, ErrorState } from '@/components/StateView';
import { RoleGate } from '@/components/RoleGate';
import { addReward, changeReward, getStationRewards } from '@/packages/station/api';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

/** A price in points: positive, in steps of 0.5. */
const validPrice = (text: string) => {
  const v = Number(text);
  return text.trim() !== '' && Number.isFinite(v) && v >= 0.5 && v <= 10000 && Number.isInteger(v * 2);
};
const validCount = (text: string, min: number) => /^\d{1,6}$/.test(text) && Number(text) >= min;

function RewardCard({ outletId, r, onDone }: { outletId: string; r: Reward; onDone(): void }) {
  const [add, setAdd] = useState('');
  const [price, setPrice] = useState('');
  const change = useMutation((body: RewardChange) => changeReward(outletId, r.id, body), {
    done: (_reward, body) => (body.addStock ? `已补货${body.addStock}件` : body.pricePoints !== undefined ? '已改价' : body.active ? '已上架' : '已下架'),
    after: (_reward, body) => {
      if (body.addStock) setAdd('');
      if (body.pricePoints !== undefined) setPrice('');
      onDone();
    },
  });
  const { busy } = change;
  return (
    <View className={`card reward-card ${r.active ? '' : 'inactive'}`} data-reward-id={r.id}>
      <View className="activity-head">
        <Text className="card-title">{r.name}</Text>
        <Text className={`activity-badge ${r.active ? 'mine' : ''}`}>{r.active ? '上架中' : '已下架'}</Text>
      </View>
      {r.description && <Text className="muted">{r.description}</Text>}
      <Text className="reward-meta">
        <Text className="reward-price">{formatPoints(r.pricePoints)}分</Text> · 库存{r.stock}件
      </Text>
      <View className="inline-form">
        <Input className="text-input" type="number" data-testid={`restock-input-${r.id}`} value={add} placeholder="补货数量" maxlength={6} onInput={(e) => setAdd(e.detail.value)} />
        <Button className="big-button" disabled={!validCount(add, 1)} loading={busy} data-testid={`restock-${r.id}`} onClick={() => change.run({ addStock: Number(add) })}>
          补货
        </Button>
      </View>
      <View className="inline-form">
        <Input className="text-input" type="digit" data-testid={`price-input-${r.id}`} value={price} placeholder="新积分价格" maxlength={7} onInput={(e) => setPrice(e.detail.value)} />
        <Button className="big-button" disabled={!validPrice(price)} loading={busy} data-testid={`price-${r.id}`} onClick={() => change.run({ pricePoints: Number(price) })}>
          改价
        </Button>
      </View>
      <Button className="big-button wide-button" loading={busy} data-testid={`toggle-${r.id}`} onClick={() => change.run({ active: !r.active })}>
        {r.active ? '下架' : '重新上架'}
      </Button>
    </View>
  );
}

/** The station's rewards: add one, restock, change the price, list or unlist. */
export default function StationRewards() {
  const { params } = useRouter();
  const outletId = params.outletId ?? '';
  const { user } = useAppState();
  const station = useRequest(() => getStationRewards(outletId), [outletId, user?.id], !!user && !!outletId);

  if (!outletId) return <Page><ErrorState message="没有找到这个兑换点" /></Page>;
  return (
    <Page className="station-rewards">
      <RoleGate what="管理兑换物品">
        <Async request={station}>{(s) => <Rewards outletId={outletId} station={s} onChanged={station.reload} />}</Async>
      </RoleGate>
    </Page>
  );
}

function Rewards({ outletId, station: s, onChanged }: { outletId: string; station: Station; onChanged(): void }) {
  const [form, setForm] = useState({ name: '', description: '', price: '', stock: '' });
  const ok = form.name.trim().length > 0 && validPrice(form.price) && validCount(form.stock, 0);
  const add = useMutation(
    () =>
      addReward(outletId, {
        name: form.name.trim(),
        ...(form.description.trim() ? { description: form.description.trim() } : {}),
        pricePoints: Number(form.price),
        stock: Number(form.stock),
      }),
    {
      done: '已添加',
      after: () => {
        setForm({ name: '', description: '', price: '', stock: '' });
        onChanged();
      },
    },
  );
  const rewards = [...s.rewards].sort((a, b) => Number(b.active) - Number(a.active) || a.pricePoints - b.pricePoints);

  return (
    <>
      <View className="card">
        <Text className="card-title">{s.name}</Text>
        <Text className="muted">📍 {s.address}</Text>
      </View>
      <View className="card">
        <Text className="card-title">添加兑换物品</Text>
        <Text className="field-label">物品名称</Text>
        <Input className="text-input" data-testid="reward-name" value={form.name} placeholder="如：鸡蛋一盒" maxlength={30} onInput={(e) => setForm({ ...form, name: e.detail.value })} />
        <Text className="field-label">说明（可不填）</Text>
        <Input className="text-input" data-testid="reward-description" value={form.description} placeholder="如：15枚装" maxlength={100} onInput={(e) => setForm({ ...form, description: e.detail.value })} />
        <View className="form-pair">
          <View className="form-cell">
            <Text className="field-label">所需积分</Text>
            <Input className="text-input" type="digit" data-testid="reward-price" value={form.price} placeholder="如 3" maxlength={7} onInput={(e) => setForm({ ...form, price: e.detail.value })} />
          </View>
          <View className="form-cell">
            <Text className="field-label">库存（件）</Text>
            <Input className="text-input" type="number" data-testid="reward-stock" value={form.stock} placeholder="如 20" maxlength={6} onInput={(e) => setForm({ ...form, stock: e.detail.value })} />
          </View>
        </View>
        <Text className="muted">积分按0.5分为单位。</Text>
        <Button className="big-button wide-button" type="primary" disabled={!ok} loading={add.busy} data-testid="add-reward" onClick={() => add.run()}>
          添加
        </Button>
      </View>
      <View className="section-title">
        <Text>兑换物品</Text>
        <Text className="section-count">共{s.rewards.length}种</Text>
      </View>
      {rewards.length === 0 ? <Empty text="还没有兑换物品，先在上面添加一件吧。" /> : rewards.map((r) => <RewardCard key={r.id} outletId={outletId} r={r} onDone={onChanged} />)}
    </>
  );
}
