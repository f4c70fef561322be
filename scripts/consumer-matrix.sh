#!/usr/bin/env bash
# Consumer test matrix: installs the packages the way a user does and compiles and runs the
# public API as the README and docs show it.
#
# 1. packs every publishable package (packages/*/package.json without "private") with
#    `pnpm pack`, the tool a release uses, and refuses a tarball with `workspace:` left in it
#    or without LICENSE, README and the publishing metadata (scripts/check-tarball.mjs);
# 2. installs the tarballs into two throwaway projects outside the workspace, one with npm and
#    one with pnpm (one install each, shared by the three modes below);
# 3. in each, runs tsc with `skipLibCheck: false` as ESM + NodeNext, CJS + Node16 and Bundler
#    over scripts/consumer/*.ts and the README's and docs' blocks fenced ```ts consumer-check
#    (scripts/extract-doc-blocks.mjs), then runs the compiled programs with node.
#
# The npm leg leaves out @hazardflow/store-sqlite and @hazardflow/cli (which depends on it):
# npm compiles better-sqlite3 from source when no prebuilt binary can be downloaded (~80 s);
# the pnpm leg has them and reuses the build pnpm's store already has.
# Needs built packages (`pnpm run build`; run here when a dist is missing). KEEP=1 keeps the
# throwaway directory.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TSC="$ROOT/node_modules/.bin/tsc"
START=$SECONDS
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hazardflow-consumers.XXXXXX")
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$WORK"' EXIT; else echo "keeping $WORK"; fi
say() { printf '[consumer-matrix %3ds] %s\n' "$((SECONDS - START))" "$*"; }

# --- discover and pack -----------------------------------------------------------------------
mapfile -t PACKAGES < <(node -e '
  const fs = require("node:fs");
  for (const dir of fs.readdirSync("packages").sort()) {
    const file = `packages/${dir}/package.json`;
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!pkg.private) console.log(`${dir}\t${pkg.name}`);
  }')
[ "${#PACKAGES[@]}" -gt 0 ] || { echo "no publishable packages found" >&2; exit 1; }
for entry in "${PACKAGES[@]}"; do
  if [ ! -d "packages/${entry%%$'\t'*}/dist" ]; then say "a dist is missing: pnpm run build"; pnpm run build; break; fi
done

mkdir -p "$WORK/tarballs"
declare -A TARBALL
for entry in "${PACKAGES[@]}"; do
  dir=${entry%%$'\t'*}; name=${entry#*$'\t'}
  (cd "packages/$dir" && pnpm pack --pack-destination "$WORK/tarballs" >/dev/null)
  TARBALL[$name]=$(ls -t "$WORK/tarballs"/*.tgz | head -1)
done
say "packed ${#PACKAGES[@]} packages with pnpm"
node scripts/check-tarball.mjs "$WORK"/tarballs/*.tgz

# --- consumer projects -------------------------------------------------------------------------
TYPES_NODE=$(node -p 'require("./node_modules/@types/node/package.json").version')
NPM_LEAVES_OUT=("@hazardflow/store-sqlite" "@hazardflow/cli")

# package.json of a consumer project: every tarball (pinned by overrides, so a package's
# dependency on another @hazardflow package resolves to its tarball, never the registry).
write_project() { # dir, overridesField, names...
  local dir=$1 field=$2; shift 2
  mkdir -p "$dir/src"
  node -e '
    const [dir, field, typesNode, ...pairs] = process.argv.slice(1);
    const deps = {};
    for (const pair of pairs) { const [name, file] = pair.split("="); deps[name] = `file:${file}`; }
    const pkg = { name: "hazardflow-consumer", private: true, type: "module",
      dependencies: { ...deps, "@types/node": typesNode } };
    if (field === "npm") pkg.overrides = deps; else pkg.pnpm = { overrides: deps };
    require("node:fs").writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2));
  ' "$dir" "$field" "$TYPES_NODE" "${@}"
}
npm_pairs=(); pnpm_pairs=()
for name in "${!TARBALL[@]}"; do
  pnpm_pairs+=("$name=${TARBALL[$name]}")
  [[ " ${NPM_LEAVES_OUT[*]} " == *" $name "* ]] || npm_pairs+=("$name=${TARBALL[$name]}")
done
write_project "$WORK/npm" npm "${npm_pairs[@]}"
write_project "$WORK/pnpm" pnpm "${pnpm_pairs[@]}"
printf 'onlyBuiltDependencies:\n  - better-sqlite3\n  - esbuild\n' >"$WORK/pnpm/pnpm-workspace.yaml"

node scripts/extract-doc-blocks.mjs "$WORK/docs" >"$WORK/doc-blocks.json"

# Whether engine.send takes the command union yet (the type test below needs it).
if grep -q 'send(caseId: string, command: unknown' "$ROOT/packages/engine/dist/index.d.ts"; then
  TYPED_SEND=0
  say "NOTE: engine.send still takes unknown: the misspelt-command type check is skipped"
else
  TYPED_SEND=1
fi

# --- compile and run each mode -----------------------------------------------------------------
run_leg() { # leg (npm | pnpm)
  local leg=$1 project="$WORK/$1"
  cp scripts/consumer/*.ts "$project/src/"
  cp scripts/consumer/main.ts "$project/src/main.cts"
  cp scripts/consumer/sqlite.ts "$project/src/sqlite.cts"
  cp "$WORK"/docs/* "$project/src/"
  # The programs and doc blocks whose packages this leg installed.
  local programs
  programs=$(node -e '
    const [leg, blocksFile, typedSend, ...missing] = process.argv.slice(1);
    const has = (pkgs) => pkgs.every((p) => !missing.includes(p));
    const out = [{ name: "main", run: true }];
    if (has(["@hazardflow/store-sqlite"])) out.push({ name: "sqlite", run: true });
    if (typedSend === "1") out.push({ name: "send-typo", run: false });
    for (const b of JSON.parse(require("node:fs").readFileSync(blocksFile, "utf8"))) {
      if (has(b.packages)) out.push({ name: b.name, run: b.run });
    }
    console.log(out.map((p) => `${p.name}:${p.run ? 1 : 0}`).join(" "));
  ' "$leg" "$WORK/doc-blocks.json" "$TYPED_SEND" $([ "$leg" = npm ] && echo "${NPM_LEAVES_OUT[@]}"))
  local mode ext module resolution out files status=0
  for mode in esm cjs bundler; do
    case $mode in
      esm) module=NodeNext resolution=NodeNext ext=ts out=js ;;
      cjs) module=Node16 resolution=Node16 ext=cts out=cjs ;;
      bundler) module=ESNext resolution=Bundler ext=ts out=js ;;
    esac
    files=$(for p in $programs; do
      n=${p%%:*}
      if [ -f "$project/src/$n.$ext" ]; then echo "\"src/$n.$ext\","; else echo "\"src/$n.ts\","; fi
    done)
    cat >"$project/tsconfig.$mode.json" <<JSON
{
  "compilerOptions": {
    "target": "ES2022", "lib": ["ES2023"], "types": ["node"],
    "module": "$module", "moduleResolution": "$resolution",
    "strict": true, "skipLibCheck": false,
    "rootDir": "src", "outDir": "out/$mode"
  },
  "files": [${files%,}, "src/doc-prelude.d.ts"]
}
JSON
    if ! (cd "$project" && "$TSC" -p "tsconfig.$mode.json" --pretty false >"$WORK/tsc-$leg-$mode.log" 2>&1); then
      echo "FAIL $leg $mode: tsc" >&2; cat "$WORK/tsc-$leg-$mode.log" >&2; status=1; continue
    fi
    for p in $programs; do
      [ "${p##*:}" = 1 ] || continue
      local program="out/$mode/${p%%:*}.$out"
      [ -f "$project/$program" ] || program="out/$mode/${p%%:*}.js"
      if ! (cd "$project" && node "$program" >"$WORK/run-$leg-$mode-${p%%:*}.log" 2>&1); then
        echo "FAIL $leg $mode: node $program" >&2; cat "$WORK/run-$leg-$mode-${p%%:*}.log" >&2; status=1
      fi
    done
    say "$leg $mode: tsc (skipLibCheck: false) and node over: $programs"
  done
  if [ "$leg" = pnpm ]; then
    (cd "$project" && node_modules/.bin/hazardflow --help >/dev/null) || { echo "FAIL pnpm: hazardflow --help" >&2; status=1; }
  fi
  return $status
}

# Each leg installs and then compiles and runs, both legs at once: the npm leg's compiles
# overlap the pnpm leg's build of better-sqlite3.
install_and_run() { # leg
  local leg=$1
  if [ "$leg" = npm ]; then
    (cd "$WORK/npm" && npm install --no-audit --no-fund --prefer-offline --loglevel=error) >"$WORK/npm-install.log" 2>&1 ||
      { cat "$WORK/npm-install.log" >&2; echo "FAIL npm install" >&2; return 1; }
  else
    (cd "$WORK/pnpm" && pnpm install --prefer-offline --reporter=silent) >"$WORK/pnpm-install.log" 2>&1 ||
      { cat "$WORK/pnpm-install.log" >&2; echo "FAIL pnpm install" >&2; return 1; }
  fi
  say "$leg: installed ${leg} tarballs"
  run_leg "$leg"
}

say "installing with npm (${#npm_pairs[@]} packages) and pnpm (${#pnpm_pairs[@]} packages), side by side"
install_and_run npm &
NPM_LEG=$!
install_and_run pnpm &
PNPM_LEG=$!
STATUS=0
wait "$NPM_LEG" || STATUS=1
wait "$PNPM_LEG" || STATUS=1
if [ "$STATUS" -ne 0 ]; then say "consumer matrix FAILED"; exit 1; fi
say "consumer matrix passed: npm and pnpm x ESM/NodeNext, CJS/Node16, Bundler"
