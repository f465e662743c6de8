# Sourced by test.sh and bench/run.sh: installs the Debian packages given as arguments when missing.
install_missing() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null || { echo "需要 root 权限安装：${missing[*]}" >&2; return 1; }; sudo=sudo; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
