import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { useAppState } from '@/state/app-state';

/**
 * A bottom sheet asking "are you sure?" with two big buttons. Used instead of the system modal where an
 * elderly user spends or gives back points: larger text, and the buttons carry test ids.
 */
export function ConfirmPopup({ visible, title, children, confirmText, busy, danger, testId, onConfirm, onClose }: {
  visible: boolean;
  title: string;
  children: ReactNode;
  confirmText: string;
  busy?: boolean;
  danger?: boolean;
  /** data-testid of the confirm button (the other one is `${testId}-back`). */
  testId: string;
  onConfirm(): void;
  onClose(): void;
}) {
  // The popup may be rendered outside the page root, so it applies large-text mode itself.
  const { largeText } = useAppState();
  return (
    <Popup visible={visible} position="bottom" round onClose={onClose} title={title} closeable>
      <View className={`confirm-sheet ${largeText ? 'large' : ''}`}>
        <View className="confirm-body">{children}</View>
        <View className="action-row">
          <Button className="big-button" data-testid={`${testId}-back`} onClick={onClose}>
            再想想
          </Button>
          <Button className="big-button" type={danger ? 'danger' : 'primary'} loading={busy} data-testid={testId} onClick={onConfirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </Popup>
  );
}

export function ConfirmLine({ label, value }: { label: string; value: ReactNode }) {
  return (
    <View className="confirm-line">
      <Text className="muted">{label}</Text>
      <Text className="confirm-value">{value}</Text>
    </View>
  );
}
