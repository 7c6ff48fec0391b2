'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { InputField } from '@/components/form-field';

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setError('Enter a valid email address, like name@example.com');
      return;
    }
    setIsPending(true);
    // Whatever the address, the next page is the same: the form never tells who is staff.
    const result = await signIn('email', { email, callbackUrl: '/staff', redirect: false }).catch(() => undefined);
    if (result?.error === 'RateLimited') {
      setIsPending(false);
      setError('Too many sign-in links were asked for. Wait 15 minutes, then try again; the last link sent still works.');
      return;
    }
    router.push('/staff/sign-in/check-email');
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <InputField id="email" label="Work email address" errors={error ? [error] : undefined} type="email" autoComplete="email" required />
      <button type="submit" disabled={isPending}>
        {isPending ? 'Sending…' : 'Email me a sign-in link'}
      </button>
    </form>
  );
}
