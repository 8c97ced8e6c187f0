import { View, Text } from '@tarojs/components';
import { useAppState } from '@/state/app-state';

export function LargeTextToggle() {
  const { largeText, setLargeText } = useAppState();
  return (
    <View
      className={`large-toggle ${largeText ? 'on' : ''}`}
      hoverClass="pressed"
      role="switch"
      aria-checked={largeText}
      onClick={() => setLargeText(!largeText)}
    >
      <Text>{largeText ? '标准字' : '大字'}</Text>
    </View>
  );
}
