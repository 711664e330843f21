/**
 * Server-rendered SVG bar charts: one horizontal bar per row, labelled on the left with the value
 * at the end of the bar, so a chart reads at a glance and needs no script. Every chart is shown
 * with a data table holding the same figures, for screen readers and for copying.
 */
export interface ChartRow {
  label: string;
  /** The length of the bar; null draws no bar (nothing counted). */
  value: number | null;
  text: string;
}

export interface BarChart {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  labelWidth: number;
  bars: { y: number; width: number; label: string; text: string; textX: number }[];
  /** Vertical reference lines (national figures), in chart coordinates. */
  lines: { x: number; label: string }[];
}

const ROW = 30;
const LABEL_WIDTH = 230;
const PLOT_WIDTH = 360;

export function barChart(input: { id: string; title: string; description: string; rows: ChartRow[]; max: number; lines?: { value: number; label: string }[] }): BarChart {
  const max = input.max > 0 ? input.max : 1;
  const scale = (v: number) => Math.round((Math.max(0, Math.min(v, max)) / max) * PLOT_WIDTH);
  return {
    id: input.id,
    title: input.title,
    description: input.description,
    width: LABEL_WIDTH + PLOT_WIDTH + 120,
    height: input.rows.length * ROW + 20,
    labelWidth: LABEL_WIDTH,
    bars: input.rows.map((r, i) => {
      const width = r.value === null ? 0 : scale(r.value);
      return { y: 10 + i * ROW, width, label: r.label, text: r.text, textX: LABEL_WIDTH + width + 6 };
    }),
    lines: (input.lines ?? []).map((l) => ({ x: LABEL_WIDTH + scale(l.value), label: l.label })),
  };
}
