import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, ComposedChart, Text, type TextProps, DefaultZIndexes, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, useActiveTooltipLabel, useIsTooltipActive, usePlotArea, useXAxisScale, useYAxisScale, XAxis, YAxis, ZIndexLayer } from 'recharts';
import { areaPath, isolated, linePath, pointsToDraw, stack, type Values } from './drawnPoints';
import { formatNumber, weekLabel } from '../i18n/format';
import { labelRows, numberedEvents, type ChartMarker, type NumberedEvent } from './events';
import { timeTicks } from './ticks';
import { markBehind, useTurn } from './turns';
import { useLang } from '../i18n/language';

/**
 * The grid has no vertical lines, but Recharts would still place them by measuring the label of
 * every week (forty years of weeks: 700 ms in one task); none are asked for instead.
 */
const NO_POINTS = () => [];

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
  /** What the band is, for the legend: "10e–90e percentiel van de basisweken". */
  bandLabel?: string;
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

export type { ChartMarker } from './events';

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
  markers?: ChartMarker[];
  /** The tooltip of the week at this index, worked out only when a week is pointed at. */
  tooltipAt?: (index: number) => WeekTooltip | null;
  bands?: ChartBand[];
  /** The letter's phases, shaded across the plot; `label` names them in the legend. */
  phases?: { from: string; to: string }[];
  phasesLabel?: string;
  /** What an axis measures and its unit, written along it: "Wachttijd (weken)". */
  axisLabels?: { left?: string; right?: string };
  /** Keep a right axis's room even without one, so charts stacked on one time axis line up. */
  rightAxisRoom?: boolean;
  /** Weeks that end after their export date: hatched and labelled, as their figures are not final. */
  partialWeeks?: string[];
  partialLabel?: string;
  height?: number;
  /** Redraw a long chart's new figures in a task of its own (the dashboard, where all change at once). */
  takeTurns?: boolean;
}

const NONE: never[] = [];
const NO_LABELS = {};
/**
 * A tick's label as Recharts draws it, but without a width: Recharts measures the words of every
 * label given one (to wrap them, which a year or a figure never needs), a layout of the page each.
 */
function PlainTick({ width: _width, className: _className, ...props }: TextProps & { payload?: { value: unknown }; tickFormatter?: (value: never, index: number) => string; index?: number }) {
  const { payload, tickFormatter, index = 0, ...text } = props;
  const value = payload?.value;
  return (
    <Text {...text} fontSize={12} className="recharts-cartesian-axis-tick-value">
      {tickFormatter ? tickFormatter(value as never, index) : String(value)}
    </Text>
  );
}
const TICK = (props: object) => <PlainTick {...props} />;
const noTooltip = () => null;

/** A chart of more weeks than this (five years) redraws in a turn of its own when `takeTurns`. */
const MANY_WEEKS = 260;

/**
 * A week chart. Drawing one costs tens of milliseconds, so it redraws only when what it shows
 * changes: a query that answers with the same figures (a new baseline window leaves the weekly
 * values as they were) keeps the chart's data as it was, and only the baseline line moves.
 * With `takeTurns`, a long chart given new figures redraws in a task of its own (turns.ts), as
 * the dashboard's charts all get new figures at once when a file is added; until then it is
 * counted as behind, and the app's status waits for it.
 */
export function PanelChart({ weeks, lines, baseline, markers = NONE, tooltipAt = noTooltip, bands = NONE, phases = NONE, phasesLabel = '', axisLabels = NO_LABELS, partialWeeks = NONE, partialLabel = '', takeTurns = false, ...rest }: Props) {
  const latestTooltipAt = useRef(tooltipAt);
  useLayoutEffect(() => {
    latestTooltipAt.current = tooltipAt;
  });
  const stableTooltipAt = useCallback((index: number) => latestTooltipAt.current(index), []);
  const given = {
    weeks: useUnchanged(weeks, sameArrays),
    lines: useUnchanged(lines, sameLines),
    baseline: useUnchanged(baseline, sameBaseline),
    markers: useUnchanged(markers, sameMarkers),
    bands: useUnchanged(bands, sameBands),
    phases: useUnchanged(phases, (a, b) => a.length === b.length && a.every((p, i) => p.from === b[i].from && p.to === b[i].to)),
    axisLabels: useUnchanged(axisLabels, (a, b) => a.left === b.left && a.right === b.right),
    partialWeeks: useUnchanged(partialWeeks, sameArrays),
  };
  const figures = useMemo(
    () => given,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- each part is kept while equal (useUnchanged)
    [given.weeks, given.lines, given.baseline, given.markers, given.bands, given.phases, given.axisLabels, given.partialWeeks],
  );
  const [shown, setShown] = useState(figures);
  const waits = takeTurns && figures.weeks.length > MANY_WEEKS;
  // Drawn at once (a short chart, or not taking turns): the new figures are shown in this very render.
  if (shown !== figures && !waits) setShown(figures);
  const turn = useTurn();
  useEffect(() => {
    if (shown === figures) return;
    let current = true;
    turn.ask(() => {
      if (!current) return false;
      setShown(figures);
      return true;
    });
    return () => {
      current = false;
    };
  }, [figures, shown, turn]);
  useEffect(() => turn.drawn(), [shown, turn]);
  const token = useRef(Symbol('chart'));
  useLayoutEffect(() => markBehind(token.current, shown !== figures), [shown, figures]);
  useLayoutEffect(() => () => markBehind(token.current, false), []);
  return <ChartBody {...rest} {...shown} tooltipAt={stableTooltipAt} phasesLabel={phasesLabel} partialLabel={partialLabel} />;
}

/** The baseline and its 10th-90th percentile band across the plot, with its label at the right. */
function BaselineMark({ baseline }: { baseline: ChartBaseline }) {
  const scale = useYAxisScale(baseline.axis);
  const area = usePlotArea();
  const y = scale?.(baseline.value);
  if (!area || y === undefined) return null;
  const right = area.x + area.width;
  const band = baseline.band?.map((v) => scale?.(v));
  // Over the series, where a Recharts reference line is drawn.
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.line}>
      <g className="baseline-mark">
        {band && band[0] !== undefined && band[1] !== undefined && (
          <rect x={area.x} width={area.width} y={Math.min(band[0], band[1])} height={Math.abs(band[0] - band[1])} fill="#7f7f7f" fillOpacity={0.12} />
        )}
        <line x1={area.x} x2={right} y1={y} y2={y} stroke="#333" strokeDasharray="6 4" />
        {/* A white halo keeps the label readable where a series runs through it. */}
        <text x={right - 5} y={y - 5} textAnchor="end" fontSize={11} fill="#333" stroke="#fff" strokeWidth={3} strokeLinejoin="round" paintOrder="stroke">
          {baseline.label}
        </text>
      </g>
    </ZIndexLayer>
  );
}

const EVENT_COLOR = '#8a1c1c';
const EVENT_FONT = 11;
/** Width of a digit of the bold 11px label, and the row height. */
const DIGIT_WIDTH = 7;
const ROW_HEIGHT = 13;

/** Each event as a line with its number at the top; numbers that would touch are put in rows. */
function EventMarks({ events }: { events: NumberedEvent[] }) {
  const scale = useXAxisScale();
  const area = usePlotArea();
  if (!scale || !area) return null;
  const placed = events.flatMap((e) => {
    const x = scale(e.week);
    return x === undefined ? [] : [{ e, x, width: String(e.number).length * DIGIT_WIDTH + 4 }];
  });
  const rows = labelRows(placed);
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.line}>
      <g className="event-marks">
        {placed.map(({ e, x }, i) => (
          <g key={`${e.number}`}>
            <line x1={x} x2={x} y1={area.y} y2={area.y + area.height} stroke={EVENT_COLOR} />
            <text data-testid="event-label" x={x} y={area.y + EVENT_FONT + rows[i] * ROW_HEIGHT} textAnchor="middle" fontSize={EVENT_FONT} fontWeight="bold" fill={EVENT_COLOR} stroke="#fff" strokeWidth={3} paintOrder="stroke">
              {e.number}
            </text>
          </g>
        ))}
      </g>
    </ZIndexLayer>
  );
}

/** A series as drawn, in its axis's figures: a line, a stacked area (from `base` to `top`) or a band. */
interface Figure {
  key: string;
  kind: 'band' | 'area' | 'line';
  axis: 'left' | 'right';
  color: string;
  width?: number;
  dashed?: boolean;
  /** Where drawn: null where the series has no figure that week (a gap). */
  top: Values;
  base?: readonly number[] | Values;
  /** The series' own figures, for the dots of weeks that stand alone. */
  values: Values;
}

/**
 * The series as drawn, bands first as Recharts drew them; areas are stacked per axis in their
 * order (a missing figure adds nothing to those above and is a gap in its own area).
 */
function figuresOf(lines: ChartLine[], bands: ChartBand[], stacked: boolean): Figure[] {
  const figures: Figure[] = bands.map((band) => ({
    key: band.key,
    kind: 'band',
    axis: band.axis,
    color: band.color,
    top: band.high.map((high, i) => (high === null || band.low[i] === null ? null : high)),
    base: band.low,
    values: band.high,
  }));
  const stacks = new Map<string, { base: number[]; top: number[] }>();
  const areas = lines.filter((l) => l.shape === 'area');
  for (const axis of ['left', 'right'] as const) {
    // Not stacked, an area stands on zero, as a stack of its own.
    const groups = stacked ? [areas.filter((l) => l.axis === axis)] : areas.filter((l) => l.axis === axis).map((l) => [l]);
    for (const group of groups) stack(group.map((l) => l.values)).forEach((s, i) => stacks.set(group[i].key, s));
  }
  for (const line of lines) {
    const drawn = stacks.get(line.key);
    figures.push({
      key: line.key,
      kind: drawn ? 'area' : 'line',
      axis: line.axis,
      color: line.color,
      width: line.width,
      dashed: line.dashed,
      top: drawn ? line.values.map((v, i) => (v === null ? null : drawn.top[i])) : line.values,
      base: drawn?.base,
      values: line.values,
    });
  }
  return figures;
}

/** The lowest and highest figure drawn on an axis (stacks as their sums, from zero). */
function axisExtent(axis: 'left' | 'right', figures: Figure[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const f of figures) {
    if (f.axis !== axis) continue;
    for (const values of f.base ? [f.top, f.base] : [f.top]) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v == null || f.top[i] == null) continue;
        if (v < low) low = v;
        if (v > high) high = v;
      }
    }
  }
  return [low, high];
}

interface SeriesProps {
  weeks: string[];
  figures: Figure[];
}

/**
 * Each week's x, as Recharts places a line's point on the time axis; null while the axis does not
 * know every week yet (given new weeks, the chart renders once before its axis takes them in).
 */
function useWeekXs(weeks: string[]): number[] | null {
  const x = useXAxisScale();
  return useMemo(() => {
    if (!x) return null;
    const xs = weeks.map((week) => x(week, { position: 'middle' }) ?? NaN);
    return xs.every(Number.isFinite) ? xs : null;
  }, [x, weeks]);
}

/**
 * The series, one path each (an area two: its fill and its top), through the points that show
 * at the plot's width (`pointsToDraw`). Redrawn only when the figures, the weeks or the scales change.
 */
const Series = memo(function Series({ weeks, figures }: SeriesProps) {
  const xs = useWeekXs(weeks);
  const left = useYAxisScale('left');
  const right = useYAxisScale('right');
  const drawn = useMemo(() => {
    if (!xs) return null;
    return figures.flatMap((f) => {
      const y = f.axis === 'left' ? left : right;
      if (!y) return [];
      const px = (values: readonly (number | null)[]) => values.map((v) => (v == null ? NaN : (y(v) ?? NaN)));
      const runs = pointsToDraw(xs, f.top, f.base ? [f.top, f.base] : [f.top]);
      const tops = px(f.top);
      const alone = f.kind === 'line' ? f.values.flatMap((_, i) => (isolated(f.values, i) && Number.isFinite(tops[i]) ? [i] : [])) : [];
      return [{ f, line: f.kind === 'band' ? null : linePath(runs, xs, tops), area: f.base ? areaPath(runs, xs, tops, px(f.base)) : null, tops, alone }];
    });
  }, [xs, left, right, figures]);
  if (!drawn || !xs) return null;
  // Class names as Recharts gave its series: the tests and the bench find the drawn lines by them.
  return (
    <>
      <ZIndexLayer zIndex={DefaultZIndexes.area}>
        {drawn.map(
          ({ f, line, area }) =>
            area && (
              <g key={f.key} className="recharts-layer recharts-area">
                <path className="recharts-curve recharts-area-area" d={area} fill={f.color} fillOpacity={f.kind === 'band' ? 0.2 : 0.35} stroke="none" />
                {line && <path className="recharts-curve recharts-area-curve" d={line} fill="none" stroke={f.color} strokeWidth={1} />}
              </g>
            ),
        )}
      </ZIndexLayer>
      <ZIndexLayer zIndex={DefaultZIndexes.line}>
        {drawn.map(
          ({ f, line, tops, alone }) =>
            f.kind === 'line' && (
              <g key={f.key} className="recharts-layer recharts-line">
                {line && <path className="recharts-curve recharts-line-curve" d={line} fill="none" stroke={f.color} strokeWidth={f.width ?? 2} strokeDasharray={f.dashed ? '5 4' : undefined} />}
                {/* A week with no figure on either side draws no line: a dot shows it, as the table does. */}
                {alone.map((i) => (
                  <circle key={i} cx={xs[i]} cy={tops[i]} r={3} fill={f.color} data-testid="isolated-point" />
                ))}
              </g>
            ),
        )}
      </ZIndexLayer>
    </>
  );
});

/** The week pointed at (or stepped to by keyboard): a dot on each series there, as Recharts' own series had. */
function ActiveDots({ weeks, figures }: SeriesProps) {
  const active = useIsTooltipActive();
  const label = useActiveTooltipLabel();
  const xs = useWeekXs(weeks);
  const left = useYAxisScale('left');
  const right = useYAxisScale('right');
  const i = active && label != null ? weeks.indexOf(String(label)) : -1;
  if (i < 0 || !xs) return null;
  const dots = figures.flatMap((f) => {
    const y = f.axis === 'left' ? left : right;
    const ends = f.kind === 'band' ? [f.top[i], f.base?.[i]] : [f.top[i]];
    return ends.flatMap((v, end) => {
      const cy = v == null || !y ? undefined : y(v);
      return cy === undefined || Number.isNaN(cy) ? [] : [{ key: `${f.key}-${end}`, cy, color: f.color }];
    });
  });
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.activeDot}>
      {dots.map((d) => (
        <g key={d.key} className="recharts-layer recharts-active-dot">
          <circle cx={xs[i]} cy={d.cy} r={4} fill={d.color} strokeWidth={2} stroke="#fff" className="recharts-dot" />
        </g>
      ))}
    </ZIndexLayer>
  );
}

/** The value from before while the new one is equal to it, so memoised parts below keep their work. */
function useUnchanged<T>(value: T, equal: (a: T, b: T) => boolean): T {
  const kept = useRef(value);
  if (kept.current !== value && !equal(kept.current, value)) kept.current = value;
  return kept.current;
}

const sameArrays = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const sameLines = (a: ChartLine[], b: ChartLine[]) =>
  sameArrays(a, b) ||
  (a.length === b.length &&
    a.every((l, i) => {
      const m = b[i];
      return l.key === m.key && l.label === m.label && l.color === m.color && l.shape === m.shape && l.axis === m.axis && l.dashed === m.dashed && l.width === m.width && sameArrays(l.values, m.values);
    }));

const sameMarkers = (a: ChartMarker[], b: ChartMarker[]) => a.length === b.length && a.every((m, i) => m.week === b[i].week && m.label === b[i].label);

const sameBaseline = (a: ChartBaseline | null, b: ChartBaseline | null) =>
  a === b ||
  (a !== null && b !== null && a.axis === b.axis && a.value === b.value && a.label === b.label && a.bandLabel === b.bandLabel && a.band?.[0] === b.band?.[0] && a.band?.[1] === b.band?.[1]);

const sameBands = (a: ChartBand[], b: ChartBand[]) =>
  a.length === b.length &&
  a.every((band, i) => band.key === b[i].key && band.label === b[i].label && band.color === b[i].color && band.axis === b[i].axis && sameArrays(band.low, b[i].low) && sameArrays(band.high, b[i].high));

interface BodyProps extends Required<Omit<Props, 'height' | 'rightAxisRoom' | 'takeTurns'>> {
  height?: number;
  rightAxisRoom?: boolean;
}

const ChartBody = memo(function ChartBody({ description, weeks, lines, stacked, baseline, markers, tooltipAt, bands, phases, phasesLabel, axisLabels, rightAxisRoom, partialWeeks, partialLabel, height = 260 }: BodyProps) {
  const lang = useLang();
  // The tooltip, with its dots on the week pointed at, is made when the chart is first pointed at or
  // focused: it was a third of a chart's first drawing, and the start's first chart was its longest
  // task. Recharts keeps the week pointed at (or stepped to by keyboard) itself, so it shows at once.
  const [pointable, setPointable] = useState(false);
  const wantTooltip = useCallback(() => setPointable(true), []);
  // Recharts gets the weeks only, for the time axis, the tooltip and the keyboard: the figures are drawn by `Series`.
  const data = useMemo(() => weeks.map((week) => ({ week })), [weeks]);
  const hasRight = lines.some((l) => l.axis === 'right') || bands.some((b) => b.axis === 'right');
  const tick = useCallback((v: number) => formatNumber(v, lang), [lang]);
  const time = useMemo(() => timeTicks(weeks, lang), [weeks, lang]);
  const initialDimension = useMemo(() => ({ width: 600, height }), [height]);
  const margin = useMemo(() => ({ top: 12, right: hasRight ? 4 : rightAxisRoom ? 76 : 16, bottom: 4, left: 4 }), [hasRight, rightAxisRoom]);
  // Elements made once per change of what they draw: a Recharts reference line re-registers
  // with its chart whenever it renders, and every series then redraws.
  const axes = useMemo(
    () => [
      <CartesianGrid key="grid" stroke="#d9d9d9" strokeDasharray="3 3" vertical={false} verticalCoordinatesGenerator={NO_POINTS} />,
      <XAxis key="x" dataKey="week" ticks={time.ticks} interval={0} tickFormatter={time.format} tick={TICK} />,
      <YAxis key="left" yAxisId="left" tickFormatter={tick} width={axisLabels.left ? 72 : 56} tick={TICK} label={axisLabels.left ? { value: axisLabels.left, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle', fontSize: 11 } } : undefined} />,
      hasRight && (
        <YAxis
          key="right"
          yAxisId="right"
          orientation="right"
          tickFormatter={tick}
          width={axisLabels.right ? 72 : 56}
          tick={TICK}
          label={axisLabels.right ? { value: axisLabels.right, angle: 90, position: 'insideRight', style: { textAnchor: 'middle', fontSize: 11 } } : undefined}
        />
      ),
    ],
    [tick, hasRight, time, axisLabels],
  );
  // The baseline is drawn by a mark of our own, which reads the chart's scale: a Recharts
  // reference line re-registers with the chart whenever it moves, and every series redraws.
  // Only when the baseline lies above everything drawn does an invisible one stretch the axis.
  const reach = baseline && Math.max(baseline.value, baseline.band?.[1] ?? -Infinity);
  const figures = useMemo(() => figuresOf(lines, bands, stacked), [lines, bands, stacked]);
  const extents = useMemo(() => ({ left: axisExtent('left', figures), right: axisExtent('right', figures) }), [figures]);
  const axisTop = { left: extents.left[1], right: extents.right[1] };
  const stretchAxis = baseline?.axis ?? 'left';
  const stretchTo = reach !== null && reach > axisTop[stretchAxis] ? reach : null;
  const axisStretch = useMemo(
    () => stretchTo !== null && <ReferenceLine yAxisId={stretchAxis} y={stretchTo} stroke="none" ifOverflow="extendDomain" />,
    [stretchAxis, stretchTo],
  );
  const events = useMemo(() => numberedEvents(markers, weeks), [markers, weeks]);
  const eventMarks = useMemo(() => events.length > 0 && <EventMarks events={events} />, [events]);
  // A phase partly outside the chart is shaded from the chart's first or to its last week.
  const shaded = useMemo(
    () =>
      weeks.length === 0
        ? []
        : phases
            .filter((p) => p.to >= weeks[0] && p.from <= weeks[weeks.length - 1])
            .map((p) => ({ x1: p.from < weeks[0] ? weeks[0] : p.from, x2: p.to > weeks[weeks.length - 1] ? weeks[weeks.length - 1] : p.to }))
            .filter((p) => weeks.includes(p.x1) && weeks.includes(p.x2)),
    [phases, weeks],
  );
  const phaseAreas = useMemo(
    () => shaded.map((p) => <ReferenceArea key={`${p.x1}-${p.x2}`} yAxisId="left" x1={p.x1} x2={p.x2} className="phase-band" fill="#3a6ea5" fillOpacity={0.1} stroke="none" ifOverflow="hidden" />),
    [shaded],
  );
  const hatch = `partial-hatch-${useId().replace(/:/g, '')}`;
  // A partial week: hatched from the week before it, so its last stretch of each line sits in the hatching.
  const partialAreas = useMemo(
    () =>
      partialWeeks
        .filter((week) => weeks.includes(week))
        .map((week) => (
          <ReferenceArea
            key={`partial-${week}`}
            yAxisId="left"
            x1={weeks[Math.max(0, weeks.indexOf(week) - 1)]}
            x2={week}
            fill={`url(#${hatch})`}
            stroke="#666"
            strokeDasharray="3 3"
            className="partial-week"
            label={{ value: partialLabel, position: 'insideTopRight', fontSize: 11, fill: '#444' }}
          />
        )),
    [partialWeeks, partialLabel, weeks, hatch],
  );
  const tooltip = useMemo(
    () => (
      <Tooltip
        includeHidden
        content={({ active, label }) => {
          const index = active ? weeks.indexOf(String(label)) : -1;
          const tip = index >= 0 ? tooltipAt(index) : null;
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
    ),
    [weeks, tooltipAt],
  );
  // The axes' reach: the series are drawn by a layer of our own, so invisible reference lines
  // give each axis the lowest and highest figure drawn, from which Recharts makes its ticks.
  const axisReach = useMemo(
    () =>
      (['left', 'right'] as const).flatMap((axis) =>
        Number.isFinite(extents[axis][1])
          ? extents[axis].map((y, i) => <ReferenceLine key={`${axis}-${i}`} yAxisId={axis} y={y} stroke="none" ifOverflow="extendDomain" />)
          : [],
      ),
    [extents],
  );
  return (
    <div className="chart" onPointerEnter={wantTooltip} onFocus={wantTooltip}>
      <ResponsiveContainer width="100%" height={height} initialDimension={initialDimension}>
        {/* Recharts makes the chart a keyboard stop (arrow keys walk the weeks in the tooltip): it is named by what it shows. */}
        <ComposedChart data={data} margin={margin} aria-label={description}>
          <defs>
            <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="6" stroke="#888" strokeWidth="2" />
            </pattern>
          </defs>
          {axes}
          {axisStretch}
          {phaseAreas}
          {partialAreas}
          {baseline && <BaselineMark baseline={baseline} />}
          {eventMarks}
          {pointable && tooltip}
          {axisReach}
          {/* Drawn by no one: it gives the tooltip the week pointed at (a tooltip without an entry stays hidden). */}
          {pointable && <Line yAxisId="left" dataKey="week" hide isAnimationActive={false} activeDot={false} />}
          <Series weeks={weeks} figures={figures} />
          {pointable && <ActiveDots weeks={weeks} figures={figures} />}
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
        {shaded.length > 0 && (
          <li>
            <span className="swatch band" style={{ background: '#3a6ea5', opacity: 0.25 }} />
            {phasesLabel}
          </li>
        )}
        {baseline && (
          <li>
            <span className="swatch dashed" style={{ borderColor: '#333' }} />
            {baseline.label}
          </li>
        )}
        {baseline?.band && baseline.bandLabel && (
          <li>
            <span className="swatch band" style={{ background: '#7f7f7f', opacity: 0.3 }} />
            {baseline.bandLabel}
          </li>
        )}
      </ul>
      {events.length > 0 && (
        <ol className="chart-events">
          {events.map((e) => (
            <li key={e.number} data-testid="event-item">
              <strong>{e.number}</strong> {e.label} ({weekLabel(e.week, lang)})
            </li>
          ))}
        </ol>
      )}
    </div>
  );
});
