import { useIsFetching } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { preloadCharts } from '../charts/lazy';
import { LanguageContext, translator, useLang, type Lang } from '../i18n/language';
import { formatNumber, visibleName } from '../i18n/format';
import type { StringKey } from '../i18n/strings';
import { useAnythingBusy, useAnythingFailed } from './state/busy';
import { useCheckingFigures } from './state/queryCache';
import { DashboardView } from './views/DashboardView';
import { useFileCount } from './state/dataQueries';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FilePicker } from './components/FilePicker';
import { Loading } from './components/Loading';
import { BacklogView, BriefingView, FilesView, LetterView } from './lazyViews';
import { useViewState } from './state/useViewState';
import { FictionalMark } from './state/fictionalMark';
import type { View } from './state/viewState';
import { useWorkspace, type IngestJob, type Startup, type StorageProblem } from './state/workspace';

/** The views, in the order of the navigation; their buttons' test hooks are nav-<view>. */
const NAVIGATION: [View, StringKey][] = [
  ['dashboard', 'navDashboard'],
  ['backlog', 'navBacklog'],
  ['letter', 'navLetter'],
  ['briefing', 'navBriefing'],
  ['files', 'navFiles'],
];

export function App() {
  const workspace = useWorkspace();
  const [viewState, update] = useViewState();
  const { lang, view } = viewState;
  const [dragging, setDragging] = useState(false);
  const userFiles = useFileCount('user').data ?? 0;
  const t = translator(lang);

  useEffect(preloadCharts, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('appTitle')}: ${t('appSubtitle')}`;
  }, [lang, t]);

  const { addFiles } = workspace;
  useDroppedFiles(addFiles, setDragging);
  const userView = workspace.dataset === 'user';

  return (
    <LanguageContext.Provider value={lang}>
      <div className="app">
        <header className="app-header">
          <div className="brand">
            <h1>{t('appTitle')}</h1>
            <span>{t('appSubtitle')}</span>
          </div>
          <nav aria-label={t('appTitle')}>
            {NAVIGATION.map(([target, label]) => (
              <button key={target} type="button" aria-current={view === target ? 'page' : undefined} data-testid={`nav-${target}`} onClick={() => update({ view: target })}>
                {t(label)}
              </button>
            ))}
          </nav>
          <div className="header-actions">
            <FilePicker onFiles={workspace.addFiles} variant="button" />
            <button type="button" className="secondary" lang={lang === 'nl' ? 'en' : 'nl'} aria-label={t('switchLanguageLabel')} onClick={() => update({ lang: lang === 'nl' ? 'en' : 'nl' })}>
              {t('switchLanguage')}
            </button>
          </div>
        </header>

        <StatusBar
          startup={workspace.startup}
          jobs={view === 'dashboard' && workspace.backgroundOnly ? [] : workspace.jobs}
          working={workspace.working && !(view === 'dashboard' && workspace.backgroundOnly)}
          actionFailed={workspace.actionProblem !== null}
        />
        {workspace.actionProblem && (
          <p className="storage-problem" role="alert" data-testid="action-problem">
            {t('actionFailed', { message: workspace.actionProblem })}
          </p>
        )}
        {workspace.storageProblem && (
          <p className="storage-problem" role="alert" data-testid="storage-problem">
            {describeStorageProblem(workspace.storageProblem, t, lang)}
          </p>
        )}
        {workspace.tabNotice && (
          <p className="tab-notice" role="status" data-testid="tab-notice" data-kind={workspace.tabNotice.kind}>
            {t(workspace.tabNotice.kind === 'added' ? 'tabFilesAdded' : 'tabFilesRemoved', { names: workspace.tabNotice.names.map(visibleName).join(', ') })}{' '}
            <button type="button" className="link" onClick={workspace.dismissTabNotice}>
              {t('dismiss')}
            </button>
          </p>
        )}

        <div className={`dataset-banner ${workspace.dataset}`} role="note" data-testid="dataset-banner" data-dataset={workspace.dataset}>
          {workspace.dataset === 'user' ? (
            <span>{t('userNotice', { count: userFiles })}</span>
          ) : workspace.dataset === 'public' ? (
            <span data-testid="public-notice">{t('publicNotice')}</span>
          ) : (
            <strong data-testid="sample-notice">{t('sampleNotice')}</strong>
          )}
          {workspace.dataset !== 'sample' && (
            <button type="button" className="link" onClick={() => workspace.setDataset('sample')}>
              {t('showSample')}
            </button>
          )}
          {workspace.dataset !== 'public' && (
            <button type="button" className="link" data-testid="show-public" onClick={() => workspace.setDataset('public')}>
              {t('showPublic')}
            </button>
          )}
          {workspace.dataset !== 'user' && userFiles > 0 && (
            <button type="button" className="link" onClick={() => workspace.setDataset('user')}>
              {t('showUser')}
            </button>
          )}
        </div>

        <main>
          {/* Only the sample is fictional: the public figures are real, the user's are their own. */}
          <FictionalMark.Provider value={workspace.dataset === 'sample' ? t('sampleMark') : null}>
            <ErrorBoundary key={view} part="view">
              <Suspense fallback={<Loading />}>
                {view === 'dashboard' ? (
                  <DashboardView dataset={workspace.dataset} view={viewState} update={update} />
                ) : view === 'backlog' ? (
                  <BacklogView dataset={workspace.dataset} view={viewState} update={update} />
                ) : view === 'letter' ? (
                  <LetterView dataset={workspace.dataset} view={viewState} update={update} />
                ) : view === 'briefing' ? (
                  <BriefingView dataset={workspace.dataset} view={viewState} />
                ) : (
                  <FilesView
                    dataset={workspace.dataset}
                    onFiles={workspace.addFiles}
                    onRemove={userView ? workspace.remove : undefined}
                    onScope={userView ? workspace.setScope : undefined}
                    onCountry={userView ? workspace.setCountry : undefined}
                    onRemoveAll={userView ? workspace.removeAllUserFiles : undefined}
                  />
                )}
              </Suspense>
            </ErrorBoundary>
          </FictionalMark.Provider>
        </main>
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            {t('dropOverlay')}
          </div>
        )}
      </div>
    </LanguageContext.Provider>
  );
}

/** Files dropped anywhere in the window load; without this the browser would open the file and the session would be lost. */
function useDroppedFiles(addFiles: (files: File[]) => void, setDragging: (dragging: boolean) => void) {
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => event.relatedTarget === null && setDragging(false);
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      addFiles([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [addFiles, setDragging]);
}

/**
 * "ready" only when nothing is being loaded, removed or queried, and every shown figure is in. The
 * dashboard shows no case-level figures: a case export loading in the background does not keep it waiting.
 */
function StatusBar({ startup, jobs, working, actionFailed }: { startup: Startup; jobs: IngestJob[]; working: boolean; actionFailed: boolean }) {
  const t = translator(useLang());
  const fetching = useIsFetching();
  const waiting = useAnythingBusy();
  // A part of the page showing a failure, or an action that failed: "error", never "ready" over it.
  const shownFailure = useAnythingFailed() || actionFailed;
  const checking = useCheckingFigures();
  const state = startup.phase === 'failed' || shownFailure ? 'error' : startup.phase === 'starting' || working || fetching > 0 || waiting || checking ? 'loading' : 'ready';
  const job = jobs[0];
  const message =
    startup.phase === 'failed'
      ? t(startup.engine ? 'statusEngineFailed' : 'statusError', { message: startup.message })
      : shownFailure
        ? t('statusFailed')
        : checking
          ? t('statusChecking')
          : job
            ? t('statusReading', { name: visibleName(job.name), percent: Math.round(job.fraction * 100) })
            : state === 'loading'
              ? t('statusLoading')
              : t('statusReady');
  return (
    <div className={`status status-${state}`} data-testid="app-status" data-state={state} role="status" aria-live="polite">
      <span>{message}</span>
      {job && <progress max={1} value={job.fraction} aria-label={visibleName(job.name)} />}
    </div>
  );
}

const megabytes = (bytes: number, lang: Lang) => `${formatNumber(bytes / 2 ** 20, lang, 0)} MB`;

function describeStorageProblem(problem: StorageProblem, t: ReturnType<typeof translator>, lang: Lang): string {
  switch (problem.kind) {
    case 'unreadable':
      return t('storageUnreadable', { names: problem.names.map(visibleName).join(', ') });
    case 'unavailable':
      return t('storageUnavailable', { message: problem.message });
    case 'not_kept':
      return t('storageNotKept', {
        names: problem.names.map(visibleName).join(', '),
        why: problem.reason === 'full' ? t('storageFull') : problem.reason === 'blocked' ? t('storageBlocked') : t('storageFailed', { message: problem.message }),
        room: problem.room ? t('storageRoom', { usage: megabytes(problem.room.usage, lang), quota: megabytes(problem.room.quota, lang) }) : '',
      }).trim();
  }
}
