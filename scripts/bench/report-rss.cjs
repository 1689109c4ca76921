// Preloaded by the bench into each CLI process it times: writes the process's peak RSS (KiB) at exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.QC_BENCH_RSS_FILE) writeFileSync(process.env.QC_BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
