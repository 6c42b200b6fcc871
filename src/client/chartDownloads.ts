/**
 * Browser: turns each chart's hidden download buttons on. CSV comes from the
 * chart's own data table (raw numbers from data-v), SVG from the markup, PNG by
 * drawing that SVG on a canvas (skipped where the browser can't).
 */
import { chartDataCsv } from '../render/charts/chartDataCsv.ts';
import { saveBlob as save } from './saveFile.ts';

function tableCsv(figure: Element): string {
  const table = figure.querySelector('table');
  if (!table) return '';
  const columns = [...table.querySelectorAll('thead th')].map((th, i) => ({
    header: th.textContent?.trim() ?? '',
    value: String(i),
  }));
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
    Object.fromEntries(
      [...tr.querySelectorAll('td')].map((td, i) => [
        String(i),
        td.dataset.v !== undefined ? Number(td.dataset.v) : (td.textContent?.trim() ?? ''),
      ]),
    ),
  );
  return chartDataCsv<Record<string, string | number>>(rows, columns);
}

function svgMarkup(figure: Element): string | null {
  const svg = figure.querySelector('.chart-svg svg');
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Resolve CSS variables so the file looks the same outside the page. A chart
  // colour's fallback is its light (paper) value: a file saved from the dark
  // scheme looks like one saved from the light one, on the PNG's white ground.
  const style = getComputedStyle(document.documentElement);
  return new XMLSerializer()
    .serializeToString(clone)
    .replace(
      /var\((--[\w-]+)(?:,\s*([^)]+))?\)/g,
      (_, name: string, fallback?: string) =>
        fallback?.trim() || style.getPropertyValue(name).trim() || 'currentColor',
    );
}

async function pngBlob(markup: string, svg: SVGSVGElement): Promise<Blob | null> {
  const box = svg.viewBox.baseVal;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = (box?.width || svg.clientWidth) * scale;
  canvas.height = (box?.height || svg.clientHeight) * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  await img.decode();
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(img.src);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** Wires the download buttons of every chart figure under `root` (idempotent). */
export function enhanceChartDownloads(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-chart]')) {
    const bar = figure.querySelector<HTMLElement>('.chart-downloads');
    if (!bar || bar.dataset.ready) continue;
    bar.dataset.ready = '1';
    bar.hidden = false;
    const name = figure.dataset.chart ?? 'chart';
    bar.addEventListener('click', async (event) => {
      const kind = (event.target as HTMLElement).closest<HTMLElement>('[data-download]')?.dataset
        .download;
      if (kind === 'csv') save(new Blob([tableCsv(figure)], { type: 'text/csv' }), `${name}.csv`);
      const markup = kind === 'svg' || kind === 'png' ? svgMarkup(figure) : null;
      if (kind === 'svg' && markup)
        save(new Blob([markup], { type: 'image/svg+xml' }), `${name}.svg`);
      if (kind === 'png' && markup) {
        const svg = figure.querySelector<SVGSVGElement>('.chart-svg svg');
        const blob = svg ? await pngBlob(markup, svg).catch(() => null) : null;
        if (blob) save(blob, `${name}.png`);
      }
    });
  }
}
