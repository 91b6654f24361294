// Chart exports: PNG (2×, white background, Marianne embedded by html-to-image), SVG (the
// chart with its title, legend and caption drawn in) and CSV (the chart's data table, and its
// caption in a last column).
import { toPng } from "html-to-image";
import { toCsv } from "@shared/csv";

export interface ExportTable {
  headers: string[];
  rows: (string | number)[][];
}

export interface LegendItem {
  label: string;
  color: string;
}

function download(url: string, filename: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}

function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  download(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export async function downloadPng(node: HTMLElement, filename: string): Promise<void> {
  download(await toPng(node, { pixelRatio: 2, backgroundColor: "#ffffff", cacheBust: false }), filename);
}

/** The chart's data table; the caption, in a last column, goes with the figures wherever they are pasted. */
export function downloadCsv(table: ExportTable, filename: string, caption: { header: string; text: string }): void {
  const columns = [
    ...table.headers.map((header, index) => ({ header, value: (row: (string | number)[]) => row[index] })),
    { header: caption.header, value: () => caption.text },
  ];
  downloadText(toCsv(table.rows, columns, ","), filename, "text/csv;charset=utf-8");
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);

/** A standalone SVG: title, legend, the chart as drawn on screen, and the caption lines. */
export function standaloneSvg(chart: SVGSVGElement, title: string, legend: LegendItem[], caption: string[]): string {
  const width = Math.max(chart.width.baseVal.value || chart.getBoundingClientRect().width, 480);
  const height = chart.height.baseVal.value || chart.getBoundingClientRect().height;
  const font = `font-family="Marianne, Arial, sans-serif"`;
  const legendRows: string[] = [];
  let x = 0;
  let y = 48;
  for (const item of legend) {
    const itemWidth = 28 + item.label.length * 7.2;
    if (x + itemWidth > width && x > 0) {
      x = 0;
      y += 22;
    }
    legendRows.push(
      `<rect x="${x}" y="${y - 11}" width="14" height="14" fill="${item.color}" stroke="#161616" stroke-width="1"/>` +
        `<text x="${x + 20}" y="${y}" font-size="13" fill="#161616" ${font}>${escapeXml(item.label)}</text>`,
    );
    x += itemWidth;
  }
  const chartTop = legend.length > 0 ? y + 16 : 40;
  const captionTop = chartTop + height + 20;
  const chartMarkup = new XMLSerializer().serializeToString(chart).replace(/^<svg/, `<svg x="0" y="${chartTop}"`);
  const captionMarkup = caption
    .map((line, index) => `<text x="0" y="${captionTop + index * 16}" font-size="11" fill="#3a3a3a" ${font}>${escapeXml(line)}</text>`)
    .join("");
  const total = captionTop + caption.length * 16;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="0" y="22" font-size="18" font-weight="700" fill="#161616" ${font}>${escapeXml(title)}</text>` +
    legendRows.join("") +
    chartMarkup +
    captionMarkup +
    `</svg>`
  );
}

export function downloadSvg(markup: string, filename: string): void {
  downloadText(markup, filename, "image/svg+xml");
}
