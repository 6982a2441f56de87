/** A stacked bar chart's numbers, drawn as SVG on the site and as a native chart in Word. */
export interface BarChartData {
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  /** Unit printed after each total (default 件). */
  unit?: string;
}
