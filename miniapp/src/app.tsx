import type { PropsWithChildren } from 'react';
import { AppStateProvider } from './state/app-state';
import './app.scss';

export default function App({ children }: PropsWithChildren) {
  return <AppStateProvider>{children}</AppStateProvider>;
}
