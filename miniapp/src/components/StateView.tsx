import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="state state-loading" aria-busy="true">
      <Text className="state-text">{text}</Text>
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="state state-error" role="alert">
      <Text className="state-text">{message}</Text>
      {onRetry && (
        <Button className="big-button" type="primary" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

export function Empty({ text, children }: { text: string; children?: React.ReactNode }) {
  return (
    <View className="state state-empty">
      <Text className="state-text">{text}</Text>
      {children}
    </View>
  );
}
