import type { ReactNode } from 'react';

export const metadata = { title: 'Quay config', description: 'Configure and validate Red Hat Quay' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
