import { Text } from '@tarojs/components';
import { OUTLET_STATUS_NAMES, type OutletStatus } from '@shared/outlets';

/** An outlet's status in words, coloured by whether residents can find it. */
export function StatusTag({ status }: { status: OutletStatus }) {
  return (
    <Text className={`status-tag status-${status}`} data-status={status}>
      {OUTLET_STATUS_NAMES[status]}
    </Text>
  );
}
