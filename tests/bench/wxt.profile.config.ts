// The production build without minification, into bench/out/: what tests/bench/profile.ts loads, so a CPU
// profile names the extension's functions as the source does.
import type { UserConfig } from 'wxt';
import base from '../../wxt.config';

const config: UserConfig = {
  ...base,
  outDir: 'bench/out/unminified',
  vite: async (env) => {
    const inherited = base.vite ? await base.vite(env) : {};
    return { ...inherited, build: { ...inherited.build, minify: false } };
  },
};

export default config;
