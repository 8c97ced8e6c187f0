import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useAppState } from '@/state/app-state';

/** Every page's root: applies large-text mode so every page follows the same switch. */
export function Page({ children, className = '' }: { children: ReactNode; className?: string }) {
  const { largeText } = useAppState();
  return <View className={`page ${largeText ? 'large' : ''} ${className}`}>{children}</View>;
}
