import { render } from '@react-email/render';
import { type Attributes, type ComponentType, createElement, type ReactElement } from 'react';
import { type OrganisationContact, OrganisationContactContext } from './components/organisation-contact';
import {
  type EmailProps,
  type EmailTemplateName,
  emailTemplates,
  type TEmailPayload,
  ZEmailPayload,
} from './templates';

export type RenderedEmail = { subject: string; html: string; text: string };

// A mapped type, so TypeScript checks that each template's subject and component accept that template's props
// and can pair `template` with `props` in `createEmail` (a correlated union, microsoft/TypeScript#47109).
type EmailTemplateRenderers = {
  [N in EmailTemplateName]: {
    subject: (props: EmailProps<N>) => string;
    Component: ComponentType<EmailProps<N>>;
  };
};

const renderers: EmailTemplateRenderers = emailTemplates;

// html-to-text shouts headings by default; a title in capitals reads as alarming in a privacy email.
const plainTextOptions = { selectors: [{ selector: 'h1', options: { uppercase: false } }] };

function createEmail<N extends EmailTemplateName>(template: N, props: EmailProps<N>) {
  const { subject, Component } = renderers[template];
  // The cast only adds React's optional `key`; without it TypeScript's weak-type check rejects generic props.
  return { subject: subject(props), element: createElement(Component, props as Attributes & EmailProps<N>) };
}

/** Throws a `ZodError` when the payload does not match its template: an outbox row that cannot render is a bug. */
export async function renderEmail(payload: TEmailPayload, contact: OrganisationContact = {}): Promise<RenderedEmail> {
  const { template, props } = ZEmailPayload.parse(payload);
  const { subject, element: body } = createEmail(template, props);
  const element: ReactElement = createElement(OrganisationContactContext.Provider, { value: contact }, body);
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: plainTextOptions }),
  ]);
  return { subject, html, text };
}
