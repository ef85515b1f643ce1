/**
 * Words and numbers that both the core (notification texts) and the renderer (the popover)
 * write, so a notification and the card it is about say the same thing. Pure: no Node, no DOM.
 */

const amountFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 12345.678 → "12,345.68". */
export function formatAmount(value: number): string {
  return Number.isFinite(value) ? amountFormat.format(value) : '–';
}

/** Amount with its unit: "8.79 小时", "1,000 characters". */
export function formatWithUnit(value: number, unit: string): string {
  return unit ? `${formatAmount(value)} ${unit}` : formatAmount(value);
}

/** A label in both languages, as the tray writes them: "预警 Warning". */
export function bilingual(label: { zh: string; en: string }): string {
  return `${label.zh} ${label.en}`;
}

const QUOTA_TYPE_TEXT: Readonly<Record<string, string>> = { qps: 'QPS', qpm: 'QPM', tpm: 'TPM', concurrency: '并发 Concurrency' };

/** "QPS", "并发 Concurrency" … for the QuotaType values seen so far; others as sent. */
export function quotaTypeText(quotaType: string): string {
  return QUOTA_TYPE_TEXT[quotaType.toLowerCase()] ?? quotaType;
}
