#!/usr/bin/env node
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 12)) {
  console.error(`adr-wizard needs Node.js 20.12 or newer (this is ${process.versions.node}).`);
  process.exit(2);
}
await import('../dist/main.js');
