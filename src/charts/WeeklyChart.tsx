import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, shortWeekLabel, weekLabel, weekSpan } from '../i18n/format';
import { useLang } from '../i18n/language';
import type { ChartSeries } from './types';

interface Props {
  series: ChartSeries[];
  /** Read by screen readers in place of the drawing; the table view has the figures. */
  description: string;
  height?: number;
}

export function WeeklyChart({ series, description, height = 240 }: Props) {
  const lang = useLang();
  const rows = (series[0]?.points ?? []).map((point, i) => {
    const row: Record<string, string | number | null> = { week: point.week, weekStart: point.weekStart };
    for (const s of series) row[s.metric] = s.points[i]?.value ?? null;
    return row;
  });
  return (
    <div className="chart" role="img" aria-label={description}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tickFormatter={shortWeekLabel} minTickGap={24} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => formatNumber(v, lang)} width={56} tick={{ fontSize: 12 }} allowDecimals={false} />
          <Tooltip
            labelFormatter={(week, payload) => {
              const monday = payload?.[0]?.payload?.weekStart as string | undefined;
              return monday ? `${weekLabel(String(week), lang)}, ${weekSpan(monday, lang)}` : String(week);
            }}
            formatter={(value, name) => [typeof value === 'number' ? formatNumber(value, lang) : '–', series.find((s) => s.metric === name)?.label ?? name]}
          />
          {series.map((s) => (
            <Line key={s.metric} dataKey={s.metric} name={s.metric} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
