import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ToastProvider } from '@/components/ui/toast';
import './styles/base.css';
import './styles/ui.css';
import './styles/form.css';
import './styles/layout.css';

export const metadata: Metadata = {
  title: 'Quay config',
  description: 'Configure and validate a Red Hat Quay registry',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#15181d' };

/** Root layout: global styles and the toast region every page shares. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
