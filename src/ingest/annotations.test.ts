import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationWeek, parseAnnotations } from './annotations';

describe('annotations', () => {
  it('reads the shipped file, with the week each date falls in', () => {
    const shipped = parseAnnotations(readFileSync(path.resolve(import.meta.dirname, '../../public/data/annotations.csv'), 'utf8'));
    const dublin = shipped.find((a) => a.date === '2020-07-01')!;
    expect(dublin.label).toEqual({ nl: 'Dublinoverdrachten hervat', en: 'Dublin transfers resume' });
    expect(annotationWeek(dublin)).toBe('2020-W27');
    expect(annotationWeek(shipped.find((a) => a.date === '2021-05-19')!)).toBe('2021-W20');
  });

  it('leaves out lines without a valid date or label, and uses the Dutch label when there is no English one', () => {
    expect(parseAnnotations('datum;nl;en\n31-02-2020;x;y\n2020-03-15;;\n15-03-2020;Opgeschort\n')).toEqual([
      { date: '2020-03-15', label: { nl: 'Opgeschort', en: 'Opgeschort' } },
    ]);
  });
});
