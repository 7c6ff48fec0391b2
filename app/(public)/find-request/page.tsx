import type { Metadata } from 'next';
import { FindRequestForm } from './find-request-form';

export const metadata: Metadata = { title: 'Find my request' };

export default function FindRequestPage() {
  return (
    <>
      <h1>Find my request</h1>
      <p className="lead">
        Lost the link to your request, or your confirmation link no longer works? Enter the email address you used and we will email you a
        link to every open or recently closed request.
      </p>
      <FindRequestForm />
    </>
  );
}
