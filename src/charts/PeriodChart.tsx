import { Bar, CartesianGrid, Cell, ComposedChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PeriodGrain } from '../domain/grain';
import { formatNumber, periodLabel, shortPeriodLabel } from '../i18n/format';
import { useLang, useT } from '../i18n/language';
import { PALETTE } from './palette';
import { flagText, symbolText, type PeriodRow } from './PeriodTable';

interface Props {
  /** The chart's accessible name; the table holds the figures. */
  description: string;
  metric: string;
  grain: PeriodGrain;
  rows: PeriodRow[];
  baseline: { value: number; label: string } | null;
}

/**
 * One series at one grain, as bars on an axis of its own periods: months, quarters or years,
 * never weeks beside them. A gap is an empty place, not a zero bar; a period that had not ended
 * at its export is a pale outlined bar, as a partial week is hatched.
 */
export function PeriodChart({ description, metric, grain, rows, baseline }: Props) {
  const lang = useLang();
  const t = useT();
  const data = rows.map((row) => ({ period: row.period, value: row.value }));
  return (
    <figure className="period-chart" data-testid="period-chart" data-grain={grain} data-metric={metric} aria-label={description}>
      <div className="chart-area" role="img" aria-label={description}>
        <ResponsiveContainer width="100%" height={220}>
          <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#ddd" vertical={false} />
            <XAxis dataKey="period" tickFormatter={(p: string) => shortPeriodLabel(p, lang)} minTickGap={12} />
            <YAxis
              tickFormatter={(v: number) => formatNumber(v, lang)}
              width={72}
              label={{ value: t(`perPeriodAxis_${grain}`), angle: -90, position: 'insideLeft', style: { textAnchor: 'middle', fontSize: 11 } }}
            />
            <Bar dataKey="value" fill={PALETTE[0]} isAnimationActive={false} name={description}>
              {rows.map((row) => (
                <Cell key={row.period} fillOpacity={row.partial ? 0.3 : 1} stroke={row.partial ? PALETTE[0] : undefined} strokeDasharray={row.partial ? '3 2' : undefined} />
              ))}
            </Bar>
            {baseline && <ReferenceLine y={baseline.value} stroke={PALETTE[1]} strokeDasharray="4 3" label={{ value: baseline.label, position: 'insideTopRight', fontSize: 11 }} />}
            <Tooltip
              isAnimationActive={false}
              content={({ active, label }) => {
                const row = active ? rows.find((r) => r.period === label) : undefined;
                if (!row) return null;
                return (
                  <div className="chart-tooltip" data-testid="period-tooltip">
                    <strong>{periodLabel(row.period, lang)}</strong>
                    <div>
                      {row.value !== null ? formatNumber(row.value, lang) : row.symbol ? symbolText(row.symbol, t) : t('periodGap')}
                      {row.flag && ` · ${flagText(row.flag, t)}`}
                    </div>
                    {row.partial && <div>{t('partialPeriodTitle')}</div>}
                  </div>
                );
              }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
