import { weekLabel } from '../../i18n/format';
import type { Lang, Translate } from '../../i18n/language';
import { CRISIS_WEEK, FLOW_BACK_PCT, STOCK_BACK_PCT } from '../../domain/baseline';
import type { ViewState } from './viewState';

/** How the baseline is defined and when a figure counts as back, in one sentence. */
export function baselineRule(view: ViewState, t: Translate, lang: Lang): string {
  return view.method === 'seasonal'
    ? t('baselineRuleSeasonal', { year: view.referenceYear, flow: FLOW_BACK_PCT, stock: STOCK_BACK_PCT })
    : t('baselineRule', {
        method: view.method === 'median' ? t('methodMedian').toLowerCase() : t('methodMean').toLowerCase(),
        from: weekLabel(view.baselineFrom, lang),
        to: weekLabel(view.baselineTo, lang),
        flow: FLOW_BACK_PCT,
        stock: STOCK_BACK_PCT,
      });
}

/** The same for one kind of figure only: what an exported chart of a flow (or a stock) prints. */
export function baselineRuleFor(view: ViewState, kind: 'flow' | 'stock', t: Translate, lang: Lang): string {
  if (view.method === 'seasonal') return t(kind === 'flow' ? 'baselineRuleSeasonalFlow' : 'baselineRuleSeasonalStock', { year: view.referenceYear, flow: FLOW_BACK_PCT, stock: STOCK_BACK_PCT });
  return t(kind === 'flow' ? 'baselineRuleFlow' : 'baselineRuleStock', {
    method: view.method === 'median' ? t('methodMedian').toLowerCase() : t('methodMean').toLowerCase(),
    from: weekLabel(view.baselineFrom, lang),
    to: weekLabel(view.baselineTo, lang),
    flow: FLOW_BACK_PCT,
    stock: STOCK_BACK_PCT,
  });
}

/**
 * The level a status compares with, named as it is: "pre-COVID" only for a window that ends
 * before the crisis; otherwise the window itself, or the reference year of a seasonal baseline.
 */
export function baselineLevel(view: Pick<ViewState, 'method' | 'baselineFrom' | 'baselineTo' | 'referenceYear'>, t: Translate, lang: Lang): string {
  if (view.method === 'seasonal') return t('levelSeasonal', { year: view.referenceYear });
  const [from, to] = [view.baselineFrom, view.baselineTo].sort();
  return to < CRISIS_WEEK ? t('levelPreCovid') : t('levelWindow', { from: weekLabel(from, lang), to: weekLabel(to, lang) });
}
