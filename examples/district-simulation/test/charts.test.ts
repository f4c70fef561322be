import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from '../src/hazard-schedule';
import { barChartSvg, esc, lineChartSvg, niceTicks } from '../src/svg-charts';

describe('apportion', () => {
  it('splits a total exactly, each part within one of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const exact = (total * (weights[i] ?? 0)) / sum;
            expect(part).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(part).toBeLessThanOrEqual(Math.ceil(exact));
          });
        },
      ),
    );
  });
});

describe('niceTicks', () => {
  it('starts at 0, reaches the maximum and steps by 1, 2 or 5 times a power of ten', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1e6, noNaN: true }), (max) => {
        const ticks = niceTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 5, 10].some((m) => Math.abs(m - mantissa) < 1e-6)).toBe(true);
        expect(ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });

  it('gives round ticks for the figures the demo plots', () => {
    expect(niceTicks(337)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(48)).toEqual([0, 10, 20, 30, 40, 50]);
  });
});

describe('SVG charts', () => {
  it('escapes text and draws one polyline per series and one bar per value', () => {
    const line = lineChartSvg({
      title: 'A <b> & "c"',
      xLabels: ['09-01', '09-02', '09-03'],
      series: [
        { name: 'open', values: [1, 5, 3], color: '#000' },
        { name: 'overdue', values: [0, 1, 2], color: '#f00', dashed: true },
      ],
    });
    expect(line).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(line.match(/<polyline /g)).toHaveLength(2);
    const bars = barChartSvg({
      title: 't',
      max: 1,
      formatTick: String,
      bars: [
        { label: 'a', value: 0.5, text: '50%' },
        { label: 'b', value: 1, text: '100%' },
      ],
    });
    expect(bars.match(/<rect x=/g)).toHaveLength(2);
    expect(esc('<&>')).toBe('&lt;&amp;&gt;');
  });
});
