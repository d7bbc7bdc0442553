/**
 * Events marked on the charts: the shipped defaults (public/data/annotations.csv: date;nl;en)
 * and the user's own. Each is drawn at the ISO week its date falls in.
 */
import { formatIsoWeek, isoWeekOfDate, parseCalendarDate } from '../domain/isoWeek';

export interface Annotation {
  /** "YYYY-MM-DD" */
  date: string;
  label: { nl: string; en: string };
}

/** Reads the shipped annotations file; a line that does not fit is left out (the file is ours). */
export function parseAnnotations(text: string): Annotation[] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(';'))
    .flatMap(([day, nl, en]) => {
      const date = parseCalendarDate(day ?? '');
      return date && nl ? [{ date, label: { nl: nl.trim(), en: (en ?? nl).trim() } }] : [];
    });
}

export function annotationWeek(annotation: Pick<Annotation, 'date'>): string {
  return formatIsoWeek(isoWeekOfDate(annotation.date));
}
