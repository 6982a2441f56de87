import type { BarChartData } from '../../model/bar-chart-data.js';
import { escapeHtml } from '../html/serialize-tree.js';
import { groupDigits } from '../../model/digits.js';

export type { BarChartData } from '../../model/bar-chart-data.js';

const palette = ['#1f5fa8', '#b35900', '#2e7d32', '#6a1b9a', '#8d6e00', '#00695c'];

/**
 * A stacked bar chart as a standalone SVG file (no script, no external resources), with a <title> and <desc>
 * that state the numbers, so the image carries its own text alternative.
 */
export function writeBarChartSvg(data: BarChartData): string {
  const width = 640;
  const barHeight = 26;
  const gap = 10;
  const left = 110;
  const top = 40;
  const legendHeight = 30;
  const totals = data.categories.map((_, i) => data.series.reduce((sum, s) => sum + s.values[i], 0));
  const max = Math.max(1, ...totals);
  const scale = (width - left - 60) / max;
  const height = top + data.categories.length * (barHeight + gap) + legendHeight + 10;
  const bars = data.categories.map((category, i) => {
    const y = top + i * (barHeight + gap);
    let x = left;
    const parts = data.series.map((s, j) => {
      const w = s.values[i] * scale;
      const rect = w > 0 ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${palette[j % palette.length]}"/>` : '';
      x += w;
      return rect;
    });
    return `<text x="${left - 8}" y="${y + barHeight * 0.7}" text-anchor="end" font-size="13">${escapeHtml(category)}</text>${parts.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + barHeight * 0.7}" font-size="13">${groupDigits(totals[i])}${data.unit ?? '件'}</text>`;
  });
  const legendY = top + data.categories.length * (barHeight + gap) + 10;
  const legend = data.series.map(
    (s, j) =>
      `<rect x="${left + j * 110}" y="${legendY}" width="14" height="14" fill="${palette[j % palette.length]}"/><text x="${left + j * 110 + 20}" y="${legendY + 12}" font-size="13">${escapeHtml(s.name)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d" font-family="Noto Sans CJK JP, sans-serif">
<title id="t">${escapeHtml(data.title)}</title>
<desc id="d">${escapeHtml(describeBarChart(data))}</desc>
<text x="${left}" y="24" font-size="15" font-weight="bold">${escapeHtml(data.title)}</text>
${bars.join('\n')}
${legend.join('')}
</svg>
`;
}

/** The numbers as one sentence: the chart's text alternative. */
export function describeBarChart(data: BarChartData): string {
  const parts = data.categories.map((category, i) => {
    const values = data.series.filter((s) => s.values[i] > 0).map((s) => `${s.name}${groupDigits(s.values[i])}${data.unit ?? '件'}`);
    return `${category}は${values.length ? values.join('、') : `0${data.unit ?? '件'}`}`;
  });
  return `${data.title}。${parts.join('、')}。`;
}
