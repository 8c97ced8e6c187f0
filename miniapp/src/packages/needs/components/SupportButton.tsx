import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { NeedView } from '@shared/needs-api';
import { TABS } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { useAppState } from '@/state/app-state';
import { supportNeed, withdrawSupport } from '../api';
import { isOpen } from '../view/needs-view';

/**
 * 我也需要 and 撤回支持 (or, in the duplicate suggestion, 支持这条). Whatever the server says (an account
 * younger than a day, a need that has just closed) stays on screen beside the button.
 */
export function SupportButton({ need, label = '我也需要', onChanged }: { need: NeedView; label?: string; onChanged(n: NeedView): void }) {
  const { user } = useAppState();
  const add = useMutation(supportNeed, { errors: 'inline', done: '已支持', after: onChanged });
  const remove = useMutation(withdrawSupport, { errors: 'inline', done: '已撤回支持', after: onChanged });
  const error = add.error ?? remove.error;

  let body;
  if (need.mine) body = <Text className="muted" data-testid="support-mine">这是您提交的诉求</Text>;
  else if (!isOpen(need.state)) body = <Text className="muted" data-testid="support-closed">诉求状态：{need.stateName}，不再接受支持</Text>;
  else if (!user)
    body = (
      <Button className="big-button support-button" data-testid="support-sign-in" onClick={() => Taro.switchTab({ url: TABS.mine })}>
        登录后支持
      </Button>
    );
  else if (need.supported)
    body = (
      <View className="support-count">
        <Text className="muted" data-testid="support-done">✓ 您已支持</Text>
        <Button className="big-button support-button" data-testid="support-withdraw" loading={remove.busy} onClick={() => remove.run(need.id)}>
          撤回支持
        </Button>
      </View>
    );
  else
    body = (
      <Button className="big-button support-button" type="primary" data-testid="support" loading={add.busy} onClick={() => add.run(need.id)}>
        {label}
      </Button>
    );
  return (
    <>
      {body}
      {error && (
        <View className="confirm-error" role="alert" data-testid="support-error">
          <Text>{error}</Text>
        </View>
      )}
    </>
  );
}
