import { Body, Container, Head, Heading, Hr, Html, Img, Preview, Section, Text } from '@react-email/components';
import { type CSSProperties, type ReactNode, useContext } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { textDirectionOf } from '@/lib/i18n/locales';
import { OrganisationContactContext, OrganisationContactLine } from './organisation-contact';

export type EmailLayoutProps = {
  organisationName: string;
  /** Shown by mail clients next to the subject; never in the body. */
  preview: string;
  heading: string;
  /** Why this address got the email. Defaults to the requester's; staff emails say why a staff member got it. */
  footer?: ReactNode;
  children: ReactNode;
};

export function EmailLayout({ organisationName, preview, heading, footer, children }: EmailLayoutProps) {
  const locale = useLocale();
  const t = useTranslations('emails.layout');
  const { signOff, logoUrl, accentColour } = useContext(OrganisationContactContext);
  return (
    <Html lang={locale} dir={textDirectionOf(locale)}>
      <Head>
        <title>{heading}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={bodyStyle}>
        <Container style={containerStyle}>
          {logoUrl ? <Img src={logoUrl} alt="" height="40" style={logoStyle} /> : null}
          <Text
            style={accentColour ? { ...organisationStyle, borderTop: `4px solid ${accentColour}`, paddingTop: '8px' } : organisationStyle}
          >
            {organisationName}
          </Text>
          <Heading as="h1" style={headingStyle}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          {signOff ? <Text style={signOffStyle}>{signOff}</Text> : null}
          <Hr style={ruleStyle} />
          <Text style={footerStyle}>
            {footer ?? t('footer', { organisationName })}
            <OrganisationContactLine />
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

const bodyStyle: CSSProperties = {
  backgroundColor: '#f4f4f5',
  color: '#18181b',
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  margin: 0,
  padding: '24px 0',
};

const containerStyle: CSSProperties = {
  backgroundColor: '#ffffff',
  border: '1px solid #e4e4e7',
  borderRadius: '8px',
  maxWidth: '560px',
  padding: '32px',
};

const organisationStyle: CSSProperties = {
  color: '#3f3f46',
  fontSize: '14px',
  fontWeight: 600,
  letterSpacing: '0.02em',
  margin: '0 0 24px',
};

const logoStyle: CSSProperties = { display: 'block', height: '40px', margin: '0 0 12px', width: 'auto' };

const headingStyle: CSSProperties = {
  color: '#18181b',
  fontSize: '24px',
  fontWeight: 700,
  lineHeight: '32px',
  margin: '0 0 16px',
};

const signOffStyle: CSSProperties = {
  color: '#18181b',
  fontSize: '16px',
  lineHeight: '24px',
  margin: '16px 0 0',
  whiteSpace: 'pre-line',
};

const ruleStyle: CSSProperties = {
  borderColor: '#e4e4e7',
  margin: '32px 0 16px',
};

// #52525b on white is 7.7:1, above WCAG AAA for small text.
const footerStyle: CSSProperties = {
  color: '#52525b',
  fontSize: '13px',
  lineHeight: '20px',
  margin: 0,
};
