import { render, toPlainText } from '@react-email/render';
import { type Attributes, type ComponentProps, type ComponentType, createElement, type ReactElement } from 'react';
import { IntlProvider } from 'use-intl';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { localiseLabel } from '@/lib/i18n/localise-labels';
import { messagesFor } from '@/lib/i18n/messages';
import { type Translator, translatorFor } from '@/lib/i18n/translator';
import { type OrganisationContact, OrganisationContactContext } from './components/organisation-contact';
import { type EmailProps, type EmailTemplateName, emailTemplates, type TEmailPayload, ZEmailPayload } from './templates';

export type RenderedEmail = { subject: string; html: string; text: string };

// A mapped type, so TypeScript checks that each template's subject and component accept that template's props
// and can pair `template` with `props` in `createEmail` (a correlated union, microsoft/TypeScript#47109).
type EmailTemplateRenderers = {
  [N in EmailTemplateName]: {
    subject: (props: EmailProps<N>, t: Translator) => string;
    Component: ComponentType<EmailProps<N>>;
  };
};

const renderers: EmailTemplateRenderers = emailTemplates;

// html-to-text shouts headings by default; a title in capitals reads as alarming in a privacy email. Lines are
// not re-wrapped (mail clients wrap plain text themselves), so a value's length never moves the text around it.
const plainTextOptions = { selectors: [{ selector: 'h1', options: { uppercase: false } }], wordwrap: false as const };

function createEmail<N extends EmailTemplateName>(template: N, props: EmailProps<N>, t: Translator) {
  const { subject, Component } = renderers[template];
  // The cast only adds React's optional `key`; without it TypeScript's weak-type check rejects generic props.
  return { subject: subject(props, t), element: createElement(Component, props as Attributes & EmailProps<N>) };
}

// Props that carry one of our English labels (a request type, a refusal's basis, a region, a status).
const labelProps = new Set(['requestTypeLabel', 'basisLabel', 'jurisdictionLabel', 'statusLabel']);

/** The payload's English labels in the email's language (lib/i18n/localise-labels.ts); everything else as queued. */
function localiseProps(props: unknown, t: Translator): unknown {
  if (Array.isArray(props)) return props.map((item) => localiseProps(item, t));
  if (!props || typeof props !== 'object') return props;
  return Object.fromEntries(
    Object.entries(props).map(([key, value]) => [
      key,
      labelProps.has(key) && typeof value === 'string' ? localiseLabel(t, value) : localiseProps(value, t),
    ]),
  );
}

/** Always renders with React, never from the cache below: the reference the cache is checked against. */
export async function renderEmailDirectly(
  template: EmailTemplateName,
  props: unknown,
  contact: OrganisationContact = {},
  locale: Locale = defaultLocale,
): Promise<RenderedEmail> {
  const t = translatorFor(locale);
  const { subject, element: body } = createEmail(template, props as never, t);
  // `children: null` only satisfies IntlProvider's props type; createElement's third argument supplies them.
  const intl = { locale, messages: messagesFor(locale), timeZone: 'UTC', children: null } as ComponentProps<typeof IntlProvider>;
  const element: ReactElement = createElement(
    IntlProvider,
    intl,
    createElement(OrganisationContactContext.Provider, { value: contact }, body),
  );
  const html = await render(element);
  // One React render: the text is converted from the HTML rather than rendered again.
  return { subject, html, text: toPlainText(html, plainTextOptions) };
}

/**
 * Rendered once per template and props *shape*, with a token in place of every text value; the outbox worker
 * then only substitutes (rendering costs ≈ 10–25 ms of CPU an email, substituting microseconds). Correct by
 * construction: the first email of each shape is rendered both ways and the cache is used only if the two
 * are identical, so a template that transforms a value (formats a date, splits lines) is always rendered.
 * Values that rendering would reflow (line breaks, runs of spaces) are never substituted.
 */
const compiled = new Map<string, RenderedEmail | null>();

type Substitution = { shape: string; tokenProps: unknown; values: string[] };

const token = (index: number) => `dsrdesk${index}x`;
const tokenPattern = /dsrdesk(\d+)x/g;
const isDateLike = (value: string) => /^\d{4}-\d\d-\d\d([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(value);
const isSubstitutable = (value: string) => /^(\S+( \S+)*)?$/.test(value) && !/dsrdesk\d+x/.test(value);

function planSubstitution(props: unknown): Substitution | null {
  const values: string[] = [];
  let isSafe = true;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!isSubstitutable(value)) isSafe = false;
      // Empty and non-empty stay apart in the shape: a template may leave out what is empty. Dates are
      // formatted by the templates ("25 December 2026"), so they are part of the shape, not substituted.
      if (value === '' || isDateLike(value)) return value;
      values.push(value);
      return token(values.length - 1);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  const tokenProps = walk(props);
  return isSafe ? { shape: JSON.stringify(tokenProps), tokenProps, values } : null;
}

// React's own escaping of text and attribute values (react-dom's escapeTextForBrowser).
const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);

const htmlUnescapes = Object.fromEntries(Object.entries(htmlEscapes).map(([character, entity]) => [entity, character]));
const unescapeHtml = (html: string) => html.replace(/&amp;|&lt;|&gt;|&quot;|&#x27;/g, (entity) => htmlUnescapes[entity]!);

// The inbox preview (@react-email/preview): its text cut at 150 characters, then invisible padding up to 150,
// so its HTML depends on the values' lengths and is rebuilt here the way the component builds it.
const previewLength = 150;
const previewPadding = '\u00A0\u200C\u200B\u200D\u200E\u200F\uFEFF';
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the padding characters (joiners among them) are matched one by one, as the component writes them
const previewPattern = /(data-skip-in-text="true">)([^<]*)(?:<div>[\u00A0\u200C\u200B\u200D\u200E\u200F\uFEFF]*<\/div>)?<\/div>/;

function substitute(email: RenderedEmail, values: string[]): RenderedEmail {
  const fill = (text: string, escapeValue: (value: string) => string) =>
    text.replace(tokenPattern, (_, index: string) => escapeValue(values[Number(index)]!));
  const raw = (value: string) => value;
  const preview = previewPattern.exec(email.html);
  let html: string;
  if (preview) {
    const withTokens = unescapeHtml(preview[2]!);
    if (withTokens.length >= previewLength) throw new Error('the preview text with tokens was already cut short');
    const text = fill(withTokens, raw).substring(0, previewLength);
    const padding = text.length < previewLength ? `<div>${previewPadding.repeat(previewLength - text.length)}</div>` : '';
    html = `${fill(email.html.slice(0, preview.index), escapeHtml)}${preview[1]}${escapeHtml(text)}${padding}</div>${fill(email.html.slice(preview.index + preview[0].length), escapeHtml)}`;
  } else {
    html = fill(email.html, escapeHtml);
  }
  return { subject: fill(email.subject, raw), html, text: fill(email.text, raw) };
}

/** Throws a `ZodError` when the payload does not match its template: an outbox row that cannot render is a bug. */
export async function renderEmail(payload: TEmailPayload, contact: OrganisationContact = {}): Promise<RenderedEmail> {
  const { template, props: queuedProps, locale = defaultLocale } = ZEmailPayload.parse(payload);
  const props = locale === defaultLocale ? queuedProps : localiseProps(queuedProps, translatorFor(locale));
  const plan = planSubstitution(props);
  // The organisation's contact, branding and the language are part of the shape: they change only when an admin edits the settings.
  const key = plan
    ? `${template} ${locale} ${JSON.stringify([contact.contactEmail ?? null, contact.privacyNoticeUrl ?? null, contact.signOff ?? null, contact.logoUrl ?? null, contact.accentColour ?? null])} ${plan.shape}`
    : null;
  const cached = key ? compiled.get(key) : undefined;
  if (cached) return substitute(cached, plan!.values);
  const direct = await renderEmailDirectly(template, props, contact, locale);
  if (key && cached === undefined) {
    // A template that cannot render a token (it parses the value) is simply never cached.
    const withTokens = await renderEmailDirectly(template, plan!.tokenProps, contact, locale).catch(() => null);
    let filled: RenderedEmail | null = null;
    try {
      filled = withTokens && substitute(withTokens, plan!.values);
    } catch {
      filled = null;
    }
    const isFaithful = filled !== null && filled.subject === direct.subject && filled.html === direct.html && filled.text === direct.text;
    // Bounded: shapes include dates, so a long-running worker meets new ones every day.
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(key, isFaithful ? withTokens : null);
  }
  return direct;
}
