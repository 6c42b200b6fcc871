/**
 * Published generalisations read back as number ranges: a household size
 * ("4", "3–4", "5+", blank) and an income band ("<4000", "4000–6000", "≥10000").
 */
import type { Value } from './table.ts';

/** Household sizes the contract allows (家庭人口: integer 1–20). */
export const MIN_SIZE = 1;
export const MAX_SIZE = 20;

/** An inclusive range of integers. */
export interface Range {
  lo: number;
  hi: number;
}

const DASH = /^(\d+)\s*[–—\-~～至]\s*(\d+)$/;

/**
 * The integers a published value allows: an exact number, a band ("3–4",
 * "3-4"), an open band ("5+", "≥5", "5以上"), or blank (anything from `min` to
 * `max`). Null for text it cannot read (the caller treats it as unknown and says so).
 */
export function parseRange(v: Value, min: number, max: number): Range | null {
  if (v === null) return { lo: min, hi: max };
  if (typeof v === 'number') return Number.isInteger(v) ? { lo: v, hi: v } : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (s === '') return { lo: min, hi: max };
  if (/^\d+$/.test(s)) return { lo: Number(s), hi: Number(s) };
  const band = DASH.exec(s);
  if (band) return { lo: Number(band[1]), hi: Number(band[2]) };
  const open = /^(?:≥\s*(\d+)|(\d+)\s*(?:\+|以上|及以上))$/.exec(s);
  if (open) return { lo: Number(open[1] ?? open[2]), hi: max };
  return null;
}

/** The sizes a published household size allows (see parseRange). */
export function parseSize(v: Value): Range | null {
  return parseRange(v, MIN_SIZE, MAX_SIZE);
}

/** A half-open income band [lo, hi): "<4000", "4000–6000", "≥10000". Null if unreadable. */
export function parseIncomeBand(label: string): { lo: number; hi: number } | null {
  const s = label.trim();
  const below = /^<\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (below) return { lo: 0, hi: Number(below[1]) };
  const above = /^(?:≥|>=)\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (above) return { lo: Number(above[1]), hi: Infinity };
  const between = /^(\d+(?:\.\d+)?)\s*[–—\-~～]\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (between) return { lo: Number(between[1]), hi: Number(between[2]) };
  return null;
}

/** Whether every income in the band is below the poverty line (an adverse value to disclose). */
export function bandBelowLine(label: string, povertyLine: number): boolean {
  const band = parseIncomeBand(label);
  return band !== null && band.hi <= povertyLine;
}

/** Whether an income falls in the band (unreadable bands: unknown, so true). */
export function bandContains(label: string, income: number): boolean {
  const band = parseIncomeBand(label);
  return band === null || (income >= band.lo && income < band.hi);
}
