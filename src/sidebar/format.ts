/** How the sidebar words dates, deadlines and statuses. The server sends ISO strings and codes only. */
import type { OrderStatus } from '../core/orders';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-05-01` → `Fri, May 1, 2026`. A calendar date has no time zone: it is shown as written. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant, in the reader's own time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

export function formatDaysLeft(days: number | null): string {
  if (days === null) return 'clock not started';
  if (days === 0) return 'due today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'business day' : 'business days';
  return days > 0 ? `${n} ${unit} left` : `${n} ${unit} overdue`;
}

const STATUS_WORDS: Readonly<Record<OrderStatus, string>> = {
  NEW: 'New',
  NEEDS_INFO: 'Needs info',
  DRAFTING: 'Drafting',
  EDITING: 'Editing session',
  PHYSICIAN_REVIEW: 'Physician review',
  CANDIDATE_REVIEW: 'Candidate review',
  FINALIZED: 'Finalized',
  DELIVERED: 'Delivered',
  ON_HOLD: 'On hold',
  CANCELLED: 'Cancelled',
  ERROR: 'Error',
};

export function formatStatus(status: OrderStatus): string {
  return STATUS_WORDS[status] ?? status;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`;
}
