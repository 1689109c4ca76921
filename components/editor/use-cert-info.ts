'use client';

import { useEffect, useState } from 'react';
import type { CertificateInfo } from '@/lib/api/contract';
import { apiJson } from './api-client';
import type { Files } from './editor-types';

/** Files worth inspecting: certificates, keys and the CA folder. */
const CERTISH = /(\.(crt|cert|pem|key)$)|^extra_ca_certs\//;

/**
 * What `POST /api/v2/certs/inspect` says about the bundle's certificates (subject, SANs, expiry,
 * key match), refreshed when the files change.
 */
export function useCertInfo(files: Files): Record<string, CertificateInfo> {
  const [info, setInfo] = useState<Record<string, CertificateInfo>>({});
  useEffect(() => {
    const certs = Object.fromEntries(Object.entries(files).filter(([name]) => CERTISH.test(name)));
    if (Object.keys(certs).length === 0) {
      setInfo({});
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      apiJson<CertificateInfo[] | { certificates: CertificateInfo[] }>('/api/v2/certs/inspect', { certs }).then(
        (res) => {
          const list = Array.isArray(res) ? res : res.certificates;
          if (live) setInfo(Object.fromEntries(list.map((c) => [c.name, c])));
        },
        () => {
          // Inspection is a convenience: the validation report covers certificate problems too.
        },
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [files]);
  return info;
}
