import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, shortWeekLabel } from '../i18n/format';
import { useLang } from '../i18n/language';

export interface ChartLine {
  key: string;
  label: string;
  color: string;
  values: (number | null)[];
  shape: 'area' | 'line';
  axis: 'left' | 'right';
  dashed?: boolean;
  width?: number;
}

/** A constant baseline drawn across the chart, with its 10th-90th percentile band. */
export interface ChartBaseline {
  axis: 'left' | 'right';
  value: number;
  band: [number, number] | null;
  label: string;
}

/** A range drawn as a shaded area between two series, e.g. a projection's plausible band. */
export interface ChartBand {
  key: string;
  label: string;
  color: string;
  low: (number | null)[];
  high: (number | null)[];
  axis: 'left' | 'right';
}

export interface ChartMarker {
  week: string;
  label: string;
}

export interface WeekTooltip {
  title: string;
  lines: string[];
}

interface Props {
  /** The chart's accessible name; the table view holds the figures themselves. */
  description: string;
  weeks: string[];
  lines: ChartLine[];
  stacked: boolean;
  baseline: ChartBaseline | null;
  markers: ChartMarker[];
  tooltips: WeekTooltip[];
  bands?: ChartBand[];
  height?: number;
}

export function PanelChart({ description, weeks, lines, stacked, baseline, markers, tooltips, bands = [], height = 260 }: Props) {
  const lang = useLang();
  const rows = weeks.map((week, i) => {
    const row: Record<string, string | number | null> = { week };
    for (const line of lines) row[line.key] = line.values[i];
    return row;
  });
  // A range area takes [low, high] per point.
  const data = rows.map((row, i) => {
    const withBands: Record<string, unknown> = { ...row };
    for (const band of bands) withBands[band.key] = band.low[i] === null || band.high[i] === null ? null : [band.low[i], band.high[i]];
    return withBands;
  });
  const hasRight = lines.some((l) => l.axis === 'right') || bands.some((b) => b.axis === 'right');
  const tick = (v: number) => formatNumber(v, lang);
  return (
    <div className="chart" role="img" aria-label={description}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <ComposedChart data={data} margin={{ top: 12, right: hasRight ? 4 : 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tickFormatter={shortWeekLabel} minTickGap={28} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="left" tickFormatter={tick} width={56} tick={{ fontSize: 12 }} />
          {hasRight && <YAxis yAxisId="right" orientation="right" tickFormatter={tick} width={56} tick={{ fontSize: 12 }} />}
          {baseline?.band && (
            <ReferenceArea yAxisId={baseline.axis} y1={baseline.band[0]} y2={baseline.band[1]} fill="#7f7f7f" fillOpacity={0.12} ifOverflow="extendDomain" />
          )}
          {baseline && (
            <ReferenceLine
              yAxisId={baseline.axis}
              y={baseline.value}
              stroke="#333"
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{ value: baseline.label, position: 'insideTopRight', fontSize: 11, fill: '#333' }}
            />
          )}
          {markers
            .filter((m) => weeks.includes(m.week))
            .map((m) => (
              <ReferenceLine key={`${m.week}-${m.label}`} yAxisId="left" x={m.week} stroke="#8a1c1c" label={{ value: m.label, position: 'insideTopLeft', fontSize: 11, fill: '#8a1c1c' }} />
            ))}
          <Tooltip
            content={({ active, label }) => {
              const tip = active ? tooltips[weeks.indexOf(String(label))] : undefined;
              return tip ? (
                <div className="chart-tooltip">
                  <strong>{tip.title}</strong>
                  {tip.lines.map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </div>
              ) : null;
            }}
          />
          {bands.map((band) => (
            <Area key={band.key} yAxisId={band.axis} dataKey={band.key} name={band.label} stroke="none" fill={band.color} fillOpacity={0.2} isAnimationActive={false} connectNulls={false} />
          ))}
          {lines.map((line) =>
            line.shape === 'area' ? (
              <Area
                key={line.key}
                yAxisId={line.axis}
                dataKey={line.key}
                name={line.label}
                stackId={stacked ? 'stack' : undefined}
                stroke={line.color}
                fill={line.color}
                fillOpacity={0.35}
                isAnimationActive={false}
                connectNulls={false}
              />
            ) : (
              <Line
                key={line.key}
                yAxisId={line.axis}
                dataKey={line.key}
                name={line.label}
                stroke={line.color}
                strokeWidth={line.width ?? 2}
                strokeDasharray={line.dashed ? '5 4' : undefined}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
      <ul className="legend" aria-hidden="true">
        {lines.map((line) => (
          <li key={line.key}>
            <span className={`swatch${line.dashed ? ' dashed' : ''}`} style={{ borderColor: line.color, background: line.shape === 'area' ? line.color : undefined }} />
            {line.label}
          </li>
        ))}
        {bands.map((band) => (
          <li key={band.key}>
            <span className="swatch band" style={{ background: band.color }} />
            {band.label}
          </li>
        ))}
        {baseline && (
          <li>
            <span className="swatch dashed" style={{ borderColor: '#333' }} />
            {baseline.label}
          </li>
        )}
      </ul>
    </div>
  );
}
