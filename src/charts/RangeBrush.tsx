import { useEffect, useRef, useState } from 'react';
import { Brush, ComposedChart, ResponsiveContainer } from 'recharts';
import { shortWeekLabel } from '../i18n/format';

interface Props {
  label: string;
  /** Every loaded week, in order, as ISO labels. */
  weeks: string[];
  from: string;
  to: string;
  /** Called once the user stops dragging, not on every pixel. */
  onChange: (from: string, to: string) => void;
}

const SETTLE_MS = 250;

/** A slider over all loaded weeks for the period; the week fields beside it do the same by keyboard. */
export function RangeBrush({ label, weeks, from, to, onChange }: Props) {
  const [dragged, setDragged] = useState<[number, number] | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const clamp = (i: number, fallback: number) => (i >= 0 ? i : fallback);
  const start = dragged?.[0] ?? clamp(weeks.indexOf(from), 0);
  const end = dragged?.[1] ?? clamp(weeks.indexOf(to), weeks.length - 1);
  const rows = weeks.map((week) => ({ week }));

  return (
    <div className="range-brush" role="group" aria-label={label}>
      <ResponsiveContainer width="100%" height={36} initialDimension={{ width: 600, height: 36 }}>
        <ComposedChart data={rows} margin={{ top: 0, right: 8, bottom: 0, left: 8 }}>
          <Brush
            dataKey="week"
            height={30}
            stroke="#01689b"
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
