import { PriceHistory } from '@/components/PriceHistory';
import { useRequest } from '@/services/use-request';
import { getPriceHistory } from '../api';

/** 价格变动记录 on the outlet page: loaded on its own, so a slow history never holds up the price list. */
export function PriceHistorySection({ outletId }: { outletId: string }) {
  const history = useRequest(() => getPriceHistory(outletId), [outletId]);
  return <PriceHistory request={history} />;
}
