import type { Metadata } from 'next';
import { NewLinkForm } from './new-link-form';

export const metadata: Metadata = { title: 'Get a new confirmation link' };

export default function NewLinkPage() {
  return (
    <>
      <h1>Get a new confirmation link</h1>
      <p className="lead">Enter the email address you used. If a request is waiting for confirmation, we will send a fresh link to it.</p>
      <NewLinkForm />
    </>
  );
}
