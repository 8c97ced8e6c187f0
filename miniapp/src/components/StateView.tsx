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

/** A reload failed while the earlier answer is still on screen: say so above it, with a retry. */
export function StaleError({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <View className="stale-error" role="alert">
      <Text className="stale-error-text">{message}</Text>
      <View className="chip-button" hoverClass="pressed" onClick={onRetry}>
        <Text>重试</Text>
      </View>
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
