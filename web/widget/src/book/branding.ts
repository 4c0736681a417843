import type { Widget } from './api';

export interface Branding {
  color: string;
  /** Black or white, whichever reads better on `color` (WCAG contrast). */
  onColor: string;
  logo: string | null;
  title: string;
}

const DEFAULT_COLOR = '#4F46E5';

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The organization's branding as the page can use it: a valid color (and the text color readable on it), an https logo, a title. */
export function brandingOf(widget: Widget): Branding {
  const b = widget.organization.branding;
  const color = typeof b.primary_color === 'string' && /^#[0-9a-fA-F]{6}$/.test(b.primary_color) ? b.primary_color : DEFAULT_COLOR;
  const l = luminance(color);
  // Contrast with white is 1.05 / (l + 0.05), with black (l + 0.05) / 0.05: take the larger.
  const onColor = 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
  const logo = typeof b.logo_url === 'string' && b.logo_url.startsWith('https://') ? b.logo_url : null;
  const title = typeof b.widget_title === 'string' && b.widget_title.trim() ? b.widget_title : widget.organization.name;
  return { color, onColor, logo, title };
}

/** Applies the brand color to the page (CSS variables, set through the DOM: no inline styles for the CSP). */
export function applyBranding(branding: Branding): void {
  const root = document.documentElement.style;
  root.setProperty('--brand', branding.color);
  root.setProperty('--on-brand', branding.onColor);
  document.title = branding.title;
}
