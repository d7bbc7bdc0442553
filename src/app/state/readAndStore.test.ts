import { describe, expect, it } from 'vitest';
import { MAX_CASE_BYTES, MAX_WEEKLY_BYTES, sizeProblem } from './readAndStore';

const head = (text: string) => async () => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('sizeProblem', () => {
  it('lets any file up to the weekly limit through without looking at it', async () => {
    expect(await sizeProblem({ size: MAX_WEEKLY_BYTES })).toBeNull();
  });

  it('refuses a larger file unless its header makes it a case-level export, and those up to their own limit', async () => {
    expect(await sizeProblem({ size: 300 * 2 ** 20, head: head('week;Telehoren\n2020-W01;5\n') })).toEqual({ code: 'too_large', bytes: 300 * 2 ** 20, max: MAX_WEEKLY_BYTES, caseLevel: false });
    const cases = head('zaak;ontvangen;besluit\nA;2020-01-01;\n');
    expect(await sizeProblem({ size: 60 * 2 ** 20, head: cases })).toBeNull();
    expect(await sizeProblem({ size: MAX_CASE_BYTES + 1, head: cases })).toMatchObject({ code: 'too_large', max: MAX_CASE_BYTES, caseLevel: true });
  });
});
