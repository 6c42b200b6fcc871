export { barChart, type BarChartOptions } from './barChart.ts';
export {
  stackedBarChart,
  type StackedBarChartOptions,
  type StackSeries,
} from './stackedBarChart.ts';
export {
  waterfallChart,
  type WaterfallChartOptions,
  type WaterfallStep,
} from './waterfallChart.ts';
export { lineChart, type LineChartOptions, type LineSeries } from './lineChart.ts';
export { heatmapChart, type HeatmapChartOptions, type HeatmapCell } from './heatmapChart.ts';
export { timelineChart, type TimelineChartOptions, type Phase } from './timelineChart.ts';
export { chartDataCsv, type CsvColumn, type ChartDataCsvOptions } from './chartDataCsv.ts';
export { type ChartOptions, EMPTY_MESSAGE } from './parts/chartFrame.ts';
export { type Accessor } from './parts/accessor.ts';
export { type ColorScheme } from './parts/palette.ts';
export { escapeXml } from './parts/svg.ts';
