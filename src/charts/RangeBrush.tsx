import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Brush, ComposedChart, ResponsiveContainer } from 'recharts';
import { areaPath, linePath, pointsToDraw, type Values } from './drawnPoints';
import { shortWeekLabel, weekLabel } from '../i18n/format';
import type { Lang } from '../i18n/language';

interface Props {
  label: string;
  /** The two sliders' names: "Van week", "Tot en met week". */
  sliderLabels: [string, string];
  lang: Lang;
  /** Every loaded week, in order, as ISO labels. */
  weeks: string[];
  from: string;
  to: string;
  /** Called once the user stops dragging, not on every pixel. */
  onChange: (from: string, to: string) => void;
  /** The series drawn small inside the brush, one value per week, so the user sees what they select. */
  outline?: { label: string; values: (number | null)[] };
}

const SETTLE_MS = 250;
/** Tall enough for the outline to show the series' shape. */
const HEIGHT = 44;

/** A slider over all loaded weeks for the period; the week fields beside it do the same by keyboard. */
export function RangeBrush({ label, sliderLabels, lang, weeks, from, to, onChange, outline }: Props) {
  const group = useRef<HTMLDivElement>(null);
  const [dragged, setDragged] = useState<[number, number] | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const clamp = (i: number, fallback: number) => (i >= 0 ? i : fallback);
  const start = dragged?.[0] ?? clamp(weeks.indexOf(from), 0);
  const end = dragged?.[1] ?? clamp(weeks.indexOf(to), weeks.length - 1);
  const rows = useMemo(() => weeks.map((week) => ({ week })), [weeks]);
  // Recharts gives both sliders one name and a pixel position as their value: each gets its own
  // name and its week as the value text. Recharts draws the sliders after measuring, in renders
  // of its own, so an observer names them whenever they are drawn or move.
  const latest = useRef({ sliderLabels, label, weeks, start, end, lang });
  const nameSliders = useRef(() => {});
  latest.current = { sliderLabels, label, weeks, start, end, lang };
  useLayoutEffect(() => {
    const root = group.current;
    if (!root) return;
    const name = () => {
      const { sliderLabels, label, weeks, start, end, lang } = latest.current;
      const sliders = [...root.querySelectorAll<SVGGElement>('.recharts-brush-traveller')].sort(
        (a, b) => Number(a.getAttribute('aria-valuenow')) - Number(b.getAttribute('aria-valuenow')),
      );
      sliders.forEach((slider, i) => {
        if (slider.getAttribute('aria-label') !== sliderLabels[i]) slider.setAttribute('aria-label', sliderLabels[i] ?? label);
        const week = weeks[i === 0 ? start : end];
        if (week && slider.getAttribute('aria-valuetext') !== weekLabel(week, lang)) slider.setAttribute('aria-valuetext', weekLabel(week, lang));
      });
    };
    nameSliders.current = name;
    name();
    const observer = new MutationObserver(name);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-valuenow', 'aria-label'] });
    return () => observer.disconnect();
  }, []);
  // And after each render of ours, when the weeks under the sliders change.
  useLayoutEffect(() => nameSliders.current());

  return (
    <div className="range-brush" role="group" aria-label={label} ref={group}>
      <ResponsiveContainer width="100%" height={HEIGHT + 6} initialDimension={{ width: 600, height: HEIGHT + 6 }}>
        <ComposedChart data={rows} margin={{ top: 0, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <Brush
            dataKey="week"
            height={HEIGHT}
            stroke="#01689b"
            ariaLabel={label}
            startIndex={start}
            endIndex={end}
            tickFormatter={(week: string) => shortWeekLabel(week)}
            onChange={({ startIndex, endIndex }) => {
              if (startIndex === undefined || endIndex === undefined) return;
              setDragged([startIndex, endIndex]);
              window.clearTimeout(timer.current);
              timer.current = window.setTimeout(() => {
                setDragged(null);
                onChange(weeks[startIndex], weeks[endIndex]);
              }, SETTLE_MS);
            }}
          >
            {/* The outline only: a picture of the series, not a second chart to operate. The brush places it. */}
            <BrushOutline values={outline?.values ?? NO_VALUES} />
          </Brush>
        </ComposedChart>
      </ResponsiveContainer>
      {/* The loaded weeks' ends and the series outlined, in words: the brush's own texts show only while dragging. */}
      <div className="range-brush-caption">
        <span data-testid="brush-first-week">{weekLabel(weeks[0], lang)}</span>
        {outline && <span data-testid="brush-outline-label">{outline.label}</span>}
        <span data-testid="brush-last-week">{weekLabel(weeks[weeks.length - 1], lang)}</span>
      </div>
    </div>
  );
}

const NO_VALUES: Values = [];

interface OutlineProps {
  values: Values;
  /** Given by the brush: where its panorama goes, and the room kept inside it. */
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  margin?: { top?: number; right?: number; bottom?: number; left?: number };
}

/**
 * The series over every loaded week, drawn as Recharts' own area chart in the brush drew it (from
 * its lowest to its highest week, one point a week), as two paths: that chart's per-week work
 * (point objects, label lists) was the longest task of a forty-year workbook's dashboard. With
 * more weeks than pixel columns, each column's lowest and highest week are drawn.
 */
function BrushOutline({ values: given, x = 0, y = 0, width = 0, height = 0, margin = {} }: OutlineProps) {
  const { top = 1, right = 1, bottom = 1, left = 1 } = margin;
  // The controls hand a new array on every render: the same figures keep the paths drawn.
  const kept = useRef(given);
  if (kept.current !== given && (kept.current.length !== given.length || kept.current.some((v, i) => v !== given[i]))) kept.current = given;
  const values = kept.current;
  const paths = useMemo(() => {
    const shown = values.filter((v): v is number => v !== null);
    if (shown.length === 0 || width <= left + right) return null;
    const low = Math.min(...shown);
    const high = Math.max(...shown);
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const xs = values.map((_, i) => left + (values.length > 1 ? (i * plotWidth) / (values.length - 1) : plotWidth / 2));
    const yOf = (v: number) => top + (high === low ? plotHeight / 2 : ((high - v) / (high - low)) * plotHeight);
    const ys = values.map((v) => (v === null ? NaN : yOf(v)));
    // As Recharts' area: down to zero, or to the lowest week when all are above it.
    const base = yOf(high < 0 ? high : Math.max(low, 0));
    const runs = pointsToDraw(xs, values);
    return { area: areaPath(runs, xs, ys, xs.map(() => base)), line: linePath(runs, xs, ys) };
  }, [values, width, height, top, right, bottom, left]);
  if (!paths) return null;
  return (
    <g className="recharts-layer recharts-area" aria-hidden="true" transform={`translate(${x},${y})`}>
      <path className="recharts-curve recharts-area-area" d={paths.area} fill="#dbe7ef" fillOpacity={0.6} stroke="none" />
      <path className="recharts-curve recharts-area-curve" d={paths.line} fill="none" stroke="#5b7f95" strokeWidth={1} />
    </g>
  );
}
