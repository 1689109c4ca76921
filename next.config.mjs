/** @type {import('next').NextConfig} */
const nextConfig = {
  // QC_NEXT_DIST lets parallel test runs build into their own directory instead of sharing .next.
  distDir: process.env.QC_NEXT_DIST || '.next',
  // Server-only libraries with native or dynamic requires: loaded from node_modules, not bundled.
  serverExternalPackages: ['pg', 'mysql2', 'ioredis', 'ldapts', 'node-forge', 'tar', 'yaml', 'ajv', 'jose'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Types are checked over the whole project (tests included) by `tsc --noEmit` in npm test, not per build.
  typescript: { ignoreBuildErrors: true },
};
export default nextConfig;
