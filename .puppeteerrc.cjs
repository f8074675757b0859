// The browser comes from the system (Debian's chromium, Chrome) or PUPPETEER_EXECUTABLE_PATH:
// installing adr-wizard must never try to download one.
module.exports = { skipDownload: true };
