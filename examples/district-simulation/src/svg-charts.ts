/**
 * Two small chart kinds as plain SVG strings: no browser, no canvas, nothing to install.
 * Text is escaped; coordinates are rounded so the files diff cleanly between runs.
 */

export interface LineSeries {
  name: string;
  values: readonly number[];
  color: string;
  /** Dashed lines for secondary series. */
  dashed?: boolean;
}

export interface Band {
  /** Index range [from, to] of the x labels the band covers. */
  from: number;
  to: number;
  label: string;
  color: string;
  /** Label row (0 = top), so labels of overlapping bands do not collide. */
  row?: number;
}

export interface LineChartOptions {
  title: string;
  /** One label per x position, e.g. dates; only some are printed. */
  xLabels: readonly string[];
  series: readonly LineSeries[];
  yLabel?: string;
  bands?: readonly Band[];
  width?: number;
  height?: number;
}

export interface Bar {
  label: string;
  value: number;
  /** Printed above the bar. */
  text: string;
}

export interface BarChartOptions {
  title: string;
  bars: readonly Bar[];
  /** The top of the y axis (e.g. 1 for rates). */
  max: number;
  /** A horizontal reference line, e.g. the district's overall rate. */
  reference?: { value: number; label: string };
  formatTick: (value: number) => string;
  color?: string;
  width?: number;
  height?: number;
}

const FONT = 'font-family="Helvetica, Arial, sans-serif"';
const MARGIN = { top: 48, right: 24, bottom: 64, left: 56 };

export function lineChartSvg(options: LineChartOptions): string {
  const width = options.width ?? 960;
  const height = options.height ?? 400;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const n = options.xLabels.length;
  const maxValue = Math.max(1, ...options.series.flatMap((s) => s.values));
  const ticks = niceTicks(maxValue);
  const top = ticks.at(-1) ?? maxValue;
  const x = (i: number) => MARGIN.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;

  const parts: string[] = [open(width, height), title(options.title, width)];
  for (const band of options.bands ?? []) {
    const x0 = x(Math.max(0, band.from - 0.5));
    const x1 = x(Math.min(n - 1, band.to + 0.5));
    parts.push(
      `<rect x="${r(x0)}" y="${MARGIN.top}" width="${r(Math.max(1, x1 - x0))}" height="${plotH}" fill="${band.color}" opacity="0.35"/>`,
      `<text x="${r(x0 + 3)}" y="${MARGIN.top + 12 + (band.row ?? 0) * 13}" font-size="10" fill="#555" ${FONT}>${esc(band.label)}</text>`,
    );
  }
  for (const tick of ticks) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${r(y(tick))}" y2="${r(y(tick))}" stroke="#e3e3e3"/>`,
      `<text x="${MARGIN.left - 6}" y="${r(y(tick) + 4)}" font-size="11" text-anchor="end" fill="#444" ${FONT}>${tick}</text>`,
    );
  }
  const every = Math.max(1, Math.ceil(n / 12));
  options.xLabels.forEach((label, i) => {
    if (i % every !== 0) return;
    parts.push(
      `<line x1="${r(x(i))}" x2="${r(x(i))}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH + 4}" stroke="#888"/>`,
      `<text x="${r(x(i))}" y="${MARGIN.top + plotH + 18}" font-size="11" text-anchor="middle" fill="#444" ${FONT}>${esc(label)}</text>`,
    );
  });
  parts.push(axes(MARGIN.left, MARGIN.top, plotW, plotH));
  if (options.yLabel) {
    const cy = MARGIN.top + plotH / 2;
    parts.push(
      `<text x="16" y="${r(cy)}" font-size="11" text-anchor="middle" fill="#444" transform="rotate(-90 16 ${r(cy)})" ${FONT}>${esc(options.yLabel)}</text>`,
    );
  }
  for (const series of options.series) {
    const points = series.values.map((v, i) => `${r(x(i))},${r(y(v))}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
  }
  let legendX = MARGIN.left;
  const legendY = height - 18;
  for (const series of options.series) {
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 22}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      `<text x="${legendX + 28}" y="${legendY}" font-size="12" fill="#222" ${FONT}>${esc(series.name)}</text>`,
    );
    legendX += 40 + series.name.length * 7;
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export function barChartSvg(options: BarChartOptions): string {
  const width = options.width ?? 760;
  const height = options.height ?? 380;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const y = (v: number) => MARGIN.top + plotH - (Math.min(v, options.max) / options.max) * plotH;
  const slot = plotW / Math.max(1, options.bars.length);
  const barW = slot * 0.62;

  const parts: string[] = [open(width, height), title(options.title, width)];
  for (let i = 0; i <= 4; i++) {
    const value = (options.max * i) / 4;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${r(y(value))}" y2="${r(y(value))}" stroke="#e3e3e3"/>`,
      `<text x="${MARGIN.left - 6}" y="${r(y(value) + 4)}" font-size="11" text-anchor="end" fill="#444" ${FONT}>${esc(options.formatTick(value))}</text>`,
    );
  }
  options.bars.forEach((bar, i) => {
    const x0 = MARGIN.left + i * slot + (slot - barW) / 2;
    const cx = x0 + barW / 2;
    parts.push(
      `<rect x="${r(x0)}" y="${r(y(bar.value))}" width="${r(barW)}" height="${r(MARGIN.top + plotH - y(bar.value))}" fill="${options.color ?? '#3b7dd8'}"/>`,
      `<text x="${r(cx)}" y="${r(y(bar.value) - 5)}" font-size="11" text-anchor="middle" fill="#222" ${FONT}>${esc(bar.text)}</text>`,
      `<text x="${r(cx)}" y="${MARGIN.top + plotH + 18}" font-size="11" text-anchor="middle" fill="#444" ${FONT}>${esc(bar.label)}</text>`,
    );
  });
  if (options.reference) {
    const ry = r(y(options.reference.value));
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${ry}" y2="${ry}" stroke="#d9480f" stroke-dasharray="6 4" stroke-width="1.5"/>`,
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + 22}" y1="${height - 22}" y2="${height - 22}" stroke="#d9480f" stroke-dasharray="6 4" stroke-width="1.5"/>`,
      `<text x="${MARGIN.left + 28}" y="${height - 18}" font-size="12" fill="#222" ${FONT}>${esc(options.reference.label)}</text>`,
    );
  }
  parts.push(axes(MARGIN.left, MARGIN.top, plotW, plotH), '</svg>');
  return `${parts.join('\n')}\n`;
}

/** Round, evenly spaced y ticks from 0 to at least `max` (1, 2 or 5 times a power of ten). */
export function niceTicks(max: number, target = 5): number[] {
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power) || 1;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(Math.round(v * 1e6) / 1e6);
    if (v >= max) break;
  }
  return ticks;
}

function open(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n<rect width="${width}" height="${height}" fill="#ffffff"/>`;
}

function title(text: string, width: number): string {
  return `<text x="${width / 2}" y="26" font-size="16" font-weight="bold" text-anchor="middle" fill="#111" ${FONT}>${esc(text)}</text>`;
}

function axes(left: number, top: number, w: number, h: number): string {
  return `<path d="M${left} ${top} V${top + h} H${left + w}" fill="none" stroke="#444"/>`;
}

function r(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Escapes text for SVG content and attribute values. */
export function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
