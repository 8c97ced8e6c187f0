import type { ReactNode } from 'react';
import { hasNoItems, requestView, type Request } from '@/services/request-view';
import { Empty, ErrorState, Loading, StaleError } from './StateView';

/**
 * The one view over a request's loading / error / empty / data, by the rule in services/request-view.
 * `empty` is the text when there is nothing (by default: no `items`); `loading` replaces the loading note.
 */
export function Async<T>({ request, children, empty, emptyAction, isEmpty, loading, loadingText }: {
  request: Request<T>;
  children(data: T): ReactNode;
  empty?: string;
  emptyAction?: ReactNode;
  isEmpty?: (data: T) => boolean;
  loading?: ReactNode;
  loadingText?: string;
}) {
  const view = requestView(request, empty === undefined ? undefined : (isEmpty ?? hasNoItems));
  if (view.show === 'loading') return <>{loading ?? <Loading text={loadingText} />}</>;
  if (view.show === 'error') return <ErrorState message={view.error} onRetry={request.reload} />;
  return (
    <>
      {view.staleError && <StaleError message={view.staleError} onRetry={request.reload} />}
      {view.show === 'empty' ? <Empty text={empty!}>{emptyAction}</Empty> : children(view.data)}
    </>
  );
}
