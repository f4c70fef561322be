#!/usr/bin/env node
// A package's `prepublishOnly`: refuses `npm publish`, which would ship `workspace:*`
// dependencies as they are (`EUNSUPPORTEDPROTOCOL` for every user). pnpm rewrites them to
// the versions it publishes; releases run `pnpm release` (changesets, which publishes with
// pnpm because of `packageManager` and pnpm-lock.yaml).
const agent = process.env.npm_config_user_agent ?? '';
if (!agent.startsWith('pnpm/')) {
  console.error(
    `refusing to publish ${process.env.npm_package_name ?? 'this package'} with "${agent.split(' ')[0] || 'an unknown tool'}": ` +
      'only pnpm replaces workspace: dependencies. Release with `pnpm release` (or `pnpm publish`).',
  );
  process.exit(1);
}
