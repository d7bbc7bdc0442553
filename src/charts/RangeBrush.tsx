import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Area, AreaChart, Brush, ComposedChart, ResponsiveContainer, YAxis } from 'recharts';
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
  const rows = weeks.map((week, i) => ({ week, value: outline?.values[i] ?? null }));
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
            {/* The outline only: a picture of the series, not a second chart to operate. */}
            <AreaChart accessibilityLayer={false}>
              {/* From the series' lowest to its highest week, so its shape shows in the little height there is. */}
              <YAxis hide domain={['dataMin', 'dataMax']} />
              <Area dataKey="value" type="linear" stroke="#5b7f95" fill="#dbe7ef" strokeWidth={1} dot={false} activeDot={false} isAnimationActive={false} connectNulls={false} />
            </AreaChart>
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
