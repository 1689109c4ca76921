/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only libraries with native or dynamic requires: loaded from node_modules, not bundled.
  serverExternalPackages: [
    'pg', 'mysql2', 'ioredis', 'ldapts', 'nodemailer', '@aws-sdk/client-s3', 'node-forge', 'tar', 'yaml', 'ajv', 'ajv-formats', 'jose',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: false },
};
export default nextConfig;
