import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { TABS } from '@/services/routes';

export function SignInFirst({ what }: { what: string }) {
  return (
    <View className="state">
      <Text className="state-text">请先登录，再{what}</Text>
      <Button className="big-button" type="primary" onClick={() => Taro.switchTab({ url: TABS.mine })}>
        去登录
      </Button>
    </View>
  );
}
