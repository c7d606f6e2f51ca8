#!/usr/bin/env node
// Entry point of the `rased` command: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { cli } = await import('../src/cli/main.ts');
await cli();
