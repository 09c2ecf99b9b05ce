/** @type {import('next').NextConfig} */
module.exports = {
  // Plain bodies: the fault wrapper in server.js cuts answers by bytes, and a test reading a
  // cut-off answer should see readable JSON up to the cut.
  compress: false,
  // This folder is its own project; do not look for a workspace root further up.
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
};
