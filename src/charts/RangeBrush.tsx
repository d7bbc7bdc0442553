import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Brush, ComposedChart, ResponsiveContainer } from 'recharts';
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
}

const SETTLE_MS = 250;

/** A slider over all loaded weeks for the period; the week fields beside it do the same by keyboard. */
export function RangeBrush({ label, sliderLabels, lang, weeks, from, to, onChange }: Props) {
  const group = useRef<HTMLDivElement>(null);
  const [dragged, setDragged] = useState<[number, number] | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const clamp = (i: number, fallback: number) => (i >= 0 ? i : fallback);
  const start = dragged?.[0] ?? clamp(weeks.indexOf(from), 0);
  const end = dragged?.[1] ?? clamp(weeks.indexOf(to), weeks.length - 1);
  const rows = weeks.map((week) => ({ week }));
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
      <ResponsiveContainer width="100%" height={36} initialDimension={{ width: 600, height: 36 }}>
        <ComposedChart data={rows} margin={{ top: 0, right: 8, bottom: 0, left: 8 }}>
          <Brush
            dataKey="week"
            height={30}
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
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
