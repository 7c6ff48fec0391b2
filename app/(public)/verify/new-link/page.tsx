import { redirect } from 'next/navigation';

/** Older emails and pages link here; "Find my request" now sends confirmation and status links alike. */
export default function NewLinkPage() {
  redirect('/find-request');
}
