# Sourced by the test scripts: debian_install WHY PACKAGE... installs Debian's packages that are missing, when run as
# root on Debian, else stops naming them. WHY says what needs them.
debian_install() {
  local why=$1
  shift
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's $* ($why)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "error: $why: install Debian's $*." >&2
    exit 1
  fi
}
