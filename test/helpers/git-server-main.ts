/** Runs the loopback git server (git-server.ts) until killed: `git-server-main.ts ROOT TOKEN`; prints its address. */
import { startGitServer } from './git-server';

const [root, token] = process.argv.slice(2);
if (!root || !token) throw new Error('usage: git-server-main.ts ROOT TOKEN');
const server = await startGitServer(root, token);
console.log(`listening ${server.url('x').replace(/\/x\.git$/, '')}`);
