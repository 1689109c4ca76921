import type { Metadata } from 'next';
import { LoginForm } from '@/components/editor/login-form';

export const metadata: Metadata = { title: 'Log in · Quay config' };

/** `/login?next=/editor`: the only page reachable without a session. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? params.next : '/';
  return <LoginForm next={next} expired={params.expired === '1'} />;
}
