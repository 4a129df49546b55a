/**
 * Writes a mail's plain-text and HTML parts from one description, so the two always say the same:
 * a greeting, paragraphs, an optional button, optional lists, and the footer every mail carries
 * (why the person gets it, how to stop it).
 */
export interface MailContent {
  greeting: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  sections?: MailSection[];
  /** Why the person gets this mail. */
  why: string;
  /** How to stop it (words; an unsubscribe link is added when given). */
  stop: string;
  unsubscribeUrl?: string;
}

export interface MailSection {
  heading: string;
  /** Shown when `items` is empty. */
  empty: string;
  items: { text: string; url?: string }[];
}

export function composeText(content: MailContent): string {
  const lines = [content.greeting, ''];
  for (const paragraph of content.paragraphs) {
    lines.push(paragraph, '');
  }
  if (content.button) {
    lines.push(`${content.button.label}: ${content.button.url}`, '');
  }
  for (const section of content.sections ?? []) {
    lines.push(section.heading, '-'.repeat(section.heading.length));
    if (section.items.length === 0) {
      lines.push(section.empty);
    }
    for (const item of section.items) {
      lines.push(`- ${item.text}${item.url ? ` <${item.url}>` : ''}`);
    }
    lines.push('');
  }
  lines.push('--', content.why, content.stop);
  if (content.unsubscribeUrl) {
    lines.push(`Unsubscribe with one click: ${content.unsubscribeUrl}`);
  }
  return lines.join('\n') + '\n';
}

export function composeHtml(subject: string, content: MailContent): string {
  const parts = [`<p>${escapeHtml(content.greeting)}</p>`];
  for (const paragraph of content.paragraphs) {
    parts.push(`<p>${escapeHtml(paragraph)}</p>`);
  }
  if (content.button) {
    parts.push(
      `<p><a href="${escapeHtml(content.button.url)}" style="display:inline-block;padding:8px 16px;background:#003399;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(content.button.label)}</a></p>`,
      `<p style="font-size:90%">Or open this address: ${escapeHtml(content.button.url)}</p>`,
    );
  }
  for (const section of content.sections ?? []) {
    parts.push(`<h2 style="font-size:110%">${escapeHtml(section.heading)}</h2>`);
    if (section.items.length === 0) {
      parts.push(`<p>${escapeHtml(section.empty)}</p>`);
    } else {
      const items = section.items.map(
        (item) => `<li>${item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</li>`,
      );
      parts.push(`<ul>${items.join('')}</ul>`);
    }
  }
  const footer = [escapeHtml(content.why), escapeHtml(content.stop)];
  if (content.unsubscribeUrl) {
    footer.push(`<a href="${escapeHtml(content.unsubscribeUrl)}">Unsubscribe with one click</a>`);
  }
  parts.push(`<hr><p style="font-size:90%;color:#444444">${footer.join('<br>')}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.4">${parts.join('\n')}</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
