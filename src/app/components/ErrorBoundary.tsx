/**
 * Keeps a failure where it happened: a view or panel that throws while drawing (its code did
 * not load, a query failed, a bug) shows a short message and "try again" in its own place, and
 * the rest of the page works on. While it shows, the app status says "error", never "ready".
 */
import { useQueryClient, useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, createContext, useContext, type ReactNode } from 'react';
import { useT } from '../../i18n/language';
import { useFailed } from '../state/busy';

interface Props {
  /** Whose failure it is: the message names it. */
  part: 'view' | 'panel';
  /** A panel's title, shown above its message so the reader knows which one failed. */
  title?: string;
  /** Test hook of the part, kept on the message so a test (and a user's eye) finds it in place. */
  testId?: string;
  /** A failure the part knows of without throwing (a query it shows itself): shown the same way, gone when it is. */
  error?: Error | null;
  children: ReactNode;
}

export function ErrorBoundary({ part, title, testId, error, children }: Props) {
  const { reset } = useQueryErrorResetBoundary();
  const queryClient = useQueryClient();
  const retry = () => {
    // Failed queries are asked again: those thrown here refetch when the part mounts again, the others now.
    reset();
    void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
  };
  return (
    <Boundary fallback={(thrown, again) => <Failure part={part} title={title} testId={testId} error={thrown} onRetry={() => (retry(), again())} />}>
      {error ? <Failure part={part} title={title} testId={testId} error={error} onRetry={retry} /> : children}
    </Boundary>
  );
}

/** How often "try again" was pressed around a part: what loads code can load it again when this changes. */
const Retries = createContext(0);
export const useRetries = () => useContext(Retries);

class Boundary extends Component<{ fallback: (error: Error, retry: () => void) => ReactNode; children: ReactNode }, { error: Error | null; retries: number }> {
  state: { error: Error | null; retries: number } = { error: null, retries: 0 };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    const { error, retries } = this.state;
    if (error) return this.props.fallback(error, () => this.setState({ error: null, retries: retries + 1 }));
    return <Retries.Provider value={retries}>{this.props.children}</Retries.Provider>;
  }
}

function Failure({ part, title, testId, error, onRetry }: { part: Props['part']; title?: string; testId?: string; error: Error; onRetry: () => void }) {
  const t = useT();
  useFailed(true);
  return (
    <section className={part === 'panel' ? 'panel failure' : 'failure'} data-testid={testId} data-failed="true" aria-label={title}>
      {title && <h2>{title}</h2>}
      <div role="alert" data-testid="part-error">
        <p>{t(part === 'panel' ? 'panelFailed' : 'viewFailed')}</p>
        <p className="failure-detail">{error.message}</p>
      </div>
      <button type="button" data-testid="try-again" onClick={onRetry}>
        {t('tryAgain')}
      </button>
    </section>
  );
}
