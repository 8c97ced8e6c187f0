import { useCallback, useEffect, useRef, useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { CheckinCode } from '@shared/api';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { hasRole } from '@/services/roles';
import { errorMessage } from '@/services/api';
import { getActivity, getCheckinCode } from '@/packages/worker/api';
import { activityTime } from '@/services/points';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

/** How long after an error (e.g. opened before the window) to ask again. */
const RETRY_MS = 30_000;
/** Asked a little after the rotation so the server has surely moved on to the next code. */
const AFTER_ROTATION_MS = 400;

/**
 * The organiser holds this up: the current 6-digit check-in code, huge, with a countdown. The code changes
 * every minute; the page asks for the new one at `rotatesAt` and keeps the screen on.
 */
export default function CheckinCodePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { user } = useAppState();
  const isWorker = hasRole(user, 'worker');
  const activity = useRequest(() => getActivity(id), [id], !!id);
  const [code, setCode] = useState<CheckinCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const active = useRef(true);
  const last = useRef<CheckinCode | null>(null);

  const schedule = (ms: number, fn: () => void) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(fn, ms);
  };

  const fetchCode = useCallback(async () => {
    if (!active.current || !id) return;
    try {
      const c = await getCheckinCode(id);
      if (!active.current) return;
      // The same code again means this phone's clock runs ahead of the server's: ask again shortly.
      const same = last.current?.rotatesAt === c.rotatesAt;
      last.current = c;
      setCode(c);
      setError(null);
      const wait = new Date(c.rotatesAt).getTime() - Date.now();
      schedule(same ? 2000 : Math.max(wait, 1000) + AFTER_ROTATION_MS, fetchCode);
    } catch (e) {
      if (!active.current) return;
      // Unlike a list, a code that may have rotated must not stay on screen.
      setCode(null);
      setError(errorMessage(e));
      schedule(RETRY_MS, fetchCode);
    }
  }, [id]);

  useEffect(() => {
    if (!isWorker) return undefined;
    active.current = true;
    fetchCode();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    if (process.env.TARO_ENV === 'weapp') Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => {
      active.current = false;
      clearInterval(tick);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [isWorker, fetchCode]);

  // Hidden (another page on top, phone locked): stop asking; back on screen: fetch at once.
  useDidHide(() => {
    active.current = false;
    if (timer.current) clearTimeout(timer.current);
  });
  useDidShow(() => {
    if (!isWorker || active.current) return;
    active.current = true;
    fetchCode();
  });

  const secondsLeft = code ? Math.max(0, Math.min(60, Math.ceil((new Date(code.rotatesAt).getTime() - now) / 1000))) : 0;

  return (
    <Page className="worker-code-page">
      <RoleGate role="worker" what="显示签到码" denied="签到码只对社区工作者开放">
        {activity.data && (
          <View className="code-activity">
            <Text className="card-title">{activity.data.title}</Text>
            <Text className="muted">{activityTime(activity.data)} · {activity.data.place}</Text>
          </View>
        )}
        <Async request={{ data: code, error, loading: !code && !error, reload: fetchCode }} loadingText="正在获取签到码…">
          {(c) => (
            <View className="code-board">
              <Text className="code-board-label">签到码</Text>
              <Text className="huge-code worker-code" data-testid="worker-code" data-code={c.code}>
                {c.code}
              </Text>
              <View className="countdown-bar">
                <View className="countdown-fill" style={{ width: `${(secondsLeft / 60) * 100}%` }} />
              </View>
              <Text className="countdown-text" data-testid="worker-code-countdown">
                {secondsLeft > 0 ? `${secondsLeft}秒后更换新码` : '正在更换新码…'}
              </Text>
              <Text className="code-tip">请志愿者在“志愿”页打开本活动，输入上面的6位数字签到或签退。</Text>
            </View>
          )}
        </Async>
        {!code && error && <Text className="muted footer-note">签到码在活动开始前15分钟到结束后15分钟内可用，到时本页会自动显示。</Text>}
        <Button className="big-button wide-button" onClick={() => Taro.navigateBack()}>
          返回名单
        </Button>
      </RoleGate>
    </Page>
  );
}
